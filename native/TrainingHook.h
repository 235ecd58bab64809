// The scheduler evaluation callback that makes llama_opt_epoch train with a per-token loss mask.
//
// llama_opt_epoch builds, per physical batch, one graph: forward, CROSS_ENTROPY_LOSS(logits, labels),
// its backward starting with CROSS_ENTROPY_LOSS_BACK = (softmax(logits) - labels) * d / rows, and the
// optimizer steps. The labels are always one-hot (built from token ids), so the library itself
// cannot leave a position out. This hook asks the scheduler to stop right after those two nodes:
//  - after CROSS_ENTROPY_LOSS it computes the loss over the trainable positions only;
//  - after CROSS_ENTROPY_LOSS_BACK, before any consumer of that gradient runs, it sets the rows of
//    masked positions to exactly 0 and rescales the others so the gradient is that of
//    mean(cross-entropy over trainable tokens of the step).
// Just before each OPT_STEP_ADAMW node runs it also records the AdamW moments (for checkpoints),
// restores moments loaded from a checkpoint, and sets AdamW's bias corrections from the global
// step number (ggml derives them from its own per-context counter, which restarts on resume).
// Finally it zeroes the gradient accumulators before each training step: ggml-opt resets them only
// when the graphs are first allocated (with llama.cpp's per-batch graphs its later reset is a no-op),
// so without this every optimizer step would apply the sum of all gradients since the first one.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "LlamaApi.h"

struct OptimizerTensors {
    ggml_tensor * param = nullptr;
    ggml_tensor * m = nullptr;  // AdamW first moment (nullptr for SGD)
    ggml_tensor * v = nullptr;  // AdamW second moment
};

struct SavedMoments {
    std::vector<float> m;
    std::vector<float> v;
};

struct StepOutcome {
    double lossSum = 0;        // sum of cross-entropy over trainable positions
    int64_t lossTokens = 0;    // trainable positions counted
    int64_t batches = 0;       // physical batches evaluated
    int64_t outputRows = 0;    // positions whose logits the step computed (every position unless lossOutputsOnly)
    int64_t optimizerNodes = 0;
    // ggml's own cross-entropy over every position (no mask), for checks: sum and positions.
    double referenceLossSum = 0;
    int64_t referenceTokens = 0;
    // Time spent in this hook's own work (loss, gradient mask, accumulator reset), milliseconds.
    double hookMs = 0;
};

class TrainingHook {
   public:
    // Fixed configuration.
    int64_t nCtx = 0;
    int64_t nUbatch = 0;
    int64_t nVocab = 0;
    int threads = 1;
    bool maskGradients = true;
    bool adamw = true;
    float learningRate = 1e-4f;
    float weightDecay = 0.0f;

    // Installed as llama_context_params.cb_eval / llama_opt_params.get_opt_pars.
    static bool evalCallback(ggml_tensor * t, bool ask, void * userData);
    static ggml_opt_optimizer_params optimizerParams(void * userData);

    uint64_t callbackCalls() const { return calls; }

    // One llama_opt_epoch call over one datapoint of nCtx positions. `outputs` (nCtx flags, or nullptr
    // for every position) are the positions llama.cpp computes logits for (llama_opt_toolace_set_outputs):
    // the rows of the cross-entropy nodes are those positions, in order.
    void begin(bool train, const int32_t * labels, const uint8_t * mask, const uint8_t * outputs, int64_t iteration);
    // Ends the call; throws std::runtime_error if the graph did not run as expected.
    StepOutcome finish();

    // AdamW moments, by parameter name: live ones after a training step, else loaded ones not applied yet.
    std::map<std::string, SavedMoments> readMoments() const;
    // Names of the tensors that got a (non-zero) gradient in the first training step (empty before one).
    std::vector<std::string> trainedTensorNames() const;
    // Moments to restore at the next training step; every trained tensor must be matched there.
    void setPendingMoments(std::map<std::string, SavedMoments> moments);

   private:
    void onLoss(ggml_tensor * t);
    void onGradient(ggml_tensor * t);
    void onOptimizerStep(ggml_tensor * t);
    void onGradientProbe(ggml_tensor * t);
    void fail(const std::string & message);

    uint64_t calls = 0;
    bool active = false;
    bool train = false;
    const int32_t * labels = nullptr;
    const uint8_t * mask = nullptr;
    const uint8_t * outputs = nullptr;
    // The positions of the rows of physical batch `batch` (its outputs, in order).
    std::vector<int64_t> rowPositions(int64_t batch) const;
    int64_t trainable = 0;
    int64_t iteration = 1;
    int64_t lossBatches = 0;
    int64_t gradientBatches = 0;
    bool stepParamsPatched = false;
    StepOutcome outcome;
    std::string error;

    bool zeroAccumulators = false;
    std::map<std::string, OptimizerTensors> optimizerTensors;
    std::map<std::string, ggml_tensor *> accumulators;
    // The first training step reads every gradient after its optimizer step: tensors whose gradient
    // is all zero (not reached by the loss, e.g. attn_k through the KV cache of stock llama.cpp) are
    // updated by weight decay only and are not reported as trained.
    bool probeGradients = true;
    std::map<std::string, bool> zeroGradient;
    std::map<std::string, SavedMoments> pending;
    std::map<std::string, bool> pendingApplied;
};
