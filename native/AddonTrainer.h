// Trainer: a llama_context prepared with llama_opt_init for full fine-tuning of one Model, a
// one-datapoint ggml_opt_dataset, and the TrainingHook. Each step() is one llama_opt_epoch call
// over one context window (one optimizer step), run on a pool thread.
#pragma once

#include <napi.h>

#include <memory>
#include <string>
#include <vector>

#include "AddonModel.h"
#include "LlamaApi.h"
#include "TrainingHook.h"

struct TrainerParts {
    llama_context * ctx = nullptr;
    // Never-applied LoRA adapters loaded only to enlarge llama.cpp's graph budget (see CreateWorker).
    std::vector<llama_adapter_lora *> capacityAdapters;
    ggml_opt_dataset_t dataset = nullptr;
    std::unique_ptr<TrainingHook> hook;
    bool adamw = true;
    // Logits (and loss) only at the positions that carry loss (llama_opt_toolace_set_outputs); see lossOutputs.
    bool lossOutputsOnly = false;
    void free();
};

class AddonTrainer : public Napi::ObjectWrap<AddonTrainer> {
   public:
    static Napi::Function Define(Napi::Env env);
    explicit AddonTrainer(const Napi::CallbackInfo & info);
    ~AddonTrainer() override;

    TrainerParts parts;
    AddonModel * model = nullptr;
    Napi::ObjectReference modelRef;
    bool busy = false;

    void ensureUsable(Napi::Env env, const char * action);
    void release();

   private:
    static Napi::Value Create(const Napi::CallbackInfo & info);
    Napi::Value Step(const Napi::CallbackInfo & info);
    Napi::Value SaveOptimizerState(const Napi::CallbackInfo & info);
    Napi::Value LoadOptimizerState(const Napi::CallbackInfo & info);
    Napi::Value Dispose(const Napi::CallbackInfo & info);
    Napi::Value GetContextSize(const Napi::CallbackInfo & info);
    Napi::Value GetBatchSize(const Napi::CallbackInfo & info);
    Napi::Value GetOptimizer(const Napi::CallbackInfo & info);
    Napi::Value GetTrainedTensors(const Napi::CallbackInfo & info);
};
