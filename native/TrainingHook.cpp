#include "TrainingHook.h"

#include <algorithm>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <limits>
#include <stdexcept>
#include <thread>

namespace {

bool isContiguousF32(const ggml_tensor * t) {
    return t->type == GGML_TYPE_F32 && t->nb[0] == sizeof(float) && t->nb[1] == t->nb[0] * t->ne[0] &&
           t->nb[2] == t->nb[1] * t->ne[1] && t->nb[3] == t->nb[2] * t->ne[2];
}

int64_t rowsOf(const ggml_tensor * t) { return t->ne[1] * t->ne[2] * t->ne[3]; }

size_t bytesOf(const ggml_tensor * t) { return sizeof(float) * t->ne[0] * rowsOf(t); }

// Rows of a contiguous F32 tensor: in place when its buffer is host memory, else through a copy.
class Rows {
   public:
    Rows(ggml_tensor * tensor, bool writable) : t(tensor), write(writable) {
        host = t->data != nullptr && t->buffer != nullptr && api.ggml_backend_buffer_is_host(t->buffer);
        if (!host) {
            copy.resize(bytesOf(t) / sizeof(float));
            api.ggml_backend_tensor_get(t, copy.data(), 0, bytesOf(t));
        }
    }
    float * row(int64_t r) {
        return host ? reinterpret_cast<float *>(static_cast<char *>(t->data) + r * t->nb[1]) : copy.data() + r * t->ne[0];
    }
    void commit() {
        if (!host && write) api.ggml_backend_tensor_set(t, copy.data(), 0, bytesOf(t));
    }

   private:
    ggml_tensor * t;
    bool write;
    bool host = false;
    std::vector<float> copy;
};

// Runs f(begin, end, worker) over [0, n) on up to `threads` threads when there is enough work.
template <typename F>
void parallelRows(int64_t n, int threads, int64_t work, F f) {
    const int64_t workers = work < (int64_t(1) << 18) ? 1 : std::max<int64_t>(1, std::min<int64_t>(threads, n));
    if (workers <= 1) {
        f(0, n, 0);
        return;
    }
    const int64_t chunk = (n + workers - 1) / workers;
    std::vector<std::thread> pool;
    for (int64_t i = 1; i < workers; ++i) {
        const int64_t begin = std::min(n, i * chunk);
        const int64_t end = std::min(n, (i + 1) * chunk);
        pool.emplace_back([=, &f] { f(begin, end, i); });
    }
    f(0, std::min(n, chunk), 0);
    for (auto & thread : pool) thread.join();
}

float readScalar(ggml_tensor * t) {
    float value = 0;
    api.ggml_backend_tensor_get(t, &value, 0, sizeof(float));
    return value;
}

// exp(x) for x <= 0 without branches or library calls, so that loops over it vectorize: round(x / ln 2)
// by the 1.5 * 2^23 trick, Cody-Waite reduction to |r| <= ln(2) / 2, degree 7 Taylor polynomial
// (relative error below 1e-8 before rounding), then the exponent added to the result's bits. Inputs
// below -87 give exp(-87) ~ 1.6e-38, which adds nothing to a sum that holds exp(0) = 1.
inline float expNonPositive(float x) {
    x = x < -87.0f ? -87.0f : x;
    const float magic = 12582912.0f;
    float k = x * 1.44269504088896341f + magic;
    uint32_t kBits;
    std::memcpy(&kBits, &k, sizeof(kBits));
    k -= magic;
    float r = x - k * 0.693145751953125f;
    r = r - k * 1.428606765330187045e-06f;
    float p = 1.0f / 5040.0f;
    p = p * r + 1.0f / 720.0f;
    p = p * r + 1.0f / 120.0f;
    p = p * r + 1.0f / 24.0f;
    p = p * r + 1.0f / 6.0f;
    p = p * r + 0.5f;
    p = p * r + 1.0f;
    p = p * r + 1.0f;
    uint32_t bits;
    std::memcpy(&bits, &p, sizeof(bits));
    bits += (kBits - 0x4B400000u) << 23;
    float result;
    std::memcpy(&result, &bits, sizeof(result));
    return result;
}

// log(sum_j exp(row[j])) in float lanes (vectorized: AVX-512, AVX2 and baseline clones picked at load
// time), accumulated in double every 256 elements. The same row always gives the same value.
__attribute__((target_clones("avx512f", "avx2", "default"))) double rowLogSumExp(const float * row, int64_t n) {
    constexpr int64_t lanes = 16;
    constexpr int64_t block = 256;
    float laneMax[lanes];
    for (int64_t l = 0; l < lanes; ++l) laneMax[l] = -std::numeric_limits<float>::infinity();
    int64_t j = 0;
    for (; j + lanes <= n; j += lanes) {
        for (int64_t l = 0; l < lanes; ++l) laneMax[l] = laneMax[l] > row[j + l] ? laneMax[l] : row[j + l];
    }
    float max = -std::numeric_limits<float>::infinity();
    for (int64_t l = 0; l < lanes; ++l) max = std::max(max, laneMax[l]);
    for (; j < n; ++j) max = std::max(max, row[j]);
    double sum = 0;
    j = 0;
    for (; j + block <= n; j += block) {
        float laneSum[lanes] = {};
        for (int64_t i = j; i < j + block; i += lanes) {
            for (int64_t l = 0; l < lanes; ++l) laneSum[l] += expNonPositive(row[i + l] - max);
        }
        for (int64_t l = 0; l < lanes; ++l) sum += double(laneSum[l]);
    }
    for (; j < n; ++j) sum += double(expNonPositive(row[j] - max));
    return double(max) + std::log(sum);
}

__attribute__((target_clones("avx512f", "avx2", "default"))) void scaleRow(float * row, int64_t n, float scale) {
    for (int64_t j = 0; j < n; ++j) row[j] *= scale;
}

}  // namespace

namespace {

struct Stopwatch {
    double & total;
    std::chrono::steady_clock::time_point start = std::chrono::steady_clock::now();
    ~Stopwatch() { total += std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count(); }
};

}  // namespace

bool TrainingHook::evalCallback(ggml_tensor * t, bool ask, void * userData) {
    auto * hook = static_cast<TrainingHook *>(userData);
    hook->calls++;
    if (!hook->active) return ask ? false : true;
    Stopwatch stopwatch{hook->outcome.hookMs};
    if (!hook->error.empty()) {
        // Stop every remaining range of this graph right after its first node: no optimizer step runs.
        return ask ? true : false;
    }
    if (ask) {
        if (hook->zeroAccumulators) {
            // First node of a training step, nothing computed yet: clear the previous step's gradients.
            for (const auto & entry : hook->accumulators) api.ggml_backend_tensor_memset(entry.second, 0, 0, api.ggml_nbytes(entry.second));
            hook->zeroAccumulators = false;
        }
        if (t->op == GGML_OP_CROSS_ENTROPY_LOSS || t->op == GGML_OP_CROSS_ENTROPY_LOSS_BACK) return true;
        if (t->op == GGML_OP_OPT_STEP_ADAMW || t->op == GGML_OP_OPT_STEP_SGD) {
            try {
                hook->onOptimizerStep(t);
            } catch (const std::exception & e) {
                hook->fail(e.what());
            }
            // Nothing of this range is computed at "ask" time: observe the node to read its gradient after it ran.
            return hook->probeGradients && hook->train;
        }
        return false;
    }
    try {
        if (t->op == GGML_OP_CROSS_ENTROPY_LOSS) hook->onLoss(t);
        else if (t->op == GGML_OP_CROSS_ENTROPY_LOSS_BACK) hook->onGradient(t);
        else if (t->op == GGML_OP_OPT_STEP_ADAMW || t->op == GGML_OP_OPT_STEP_SGD) hook->onGradientProbe(t);
    } catch (const std::exception & e) {
        hook->fail(e.what());
    }
    return hook->error.empty();
}

ggml_opt_optimizer_params TrainingHook::optimizerParams(void * userData) {
    auto * hook = static_cast<TrainingHook *>(userData);
    ggml_opt_optimizer_params params = api.ggml_opt_get_default_optimizer_params(nullptr);
    params.adamw.alpha = hook->learningRate;
    params.adamw.wd = hook->weightDecay;
    params.sgd.alpha = hook->learningRate;
    params.sgd.wd = hook->weightDecay;
    return params;
}

void TrainingHook::fail(const std::string & message) {
    if (error.empty()) error = message;
}

void TrainingHook::begin(bool isTrain, const int32_t * labelIds, const uint8_t * trainMask, const uint8_t * outputFlags, int64_t step) {
    active = true;
    train = isTrain;
    labels = labelIds;
    mask = trainMask;
    outputs = outputFlags;
    iteration = step;
    trainable = 0;
    for (int64_t i = 0; i < nCtx; ++i) trainable += mask[i] != 0;
    zeroAccumulators = isTrain;
    lossBatches = 0;
    gradientBatches = 0;
    stepParamsPatched = false;
    outcome = StepOutcome();
    error.clear();
    pendingApplied.clear();
}

StepOutcome TrainingHook::finish() {
    active = false;
    const std::string failure = error;
    error.clear();
    if (!failure.empty()) throw std::runtime_error(failure);
    const int64_t expected = nCtx / nUbatch;
    if (lossBatches != expected) {
        throw std::runtime_error("llama_opt_epoch evaluated " + std::to_string(lossBatches) + " of " + std::to_string(expected) +
                                 " batches (see the llama.cpp log)");
    }
    if (train) {
        if (gradientBatches != expected) {
            throw std::runtime_error("llama_opt_epoch computed " + std::to_string(gradientBatches) + " of " + std::to_string(expected) +
                                     " loss gradients");
        }
        if (outcome.optimizerNodes == 0) throw std::runtime_error("no optimizer step ran during the training step");
        probeGradients = false;
        if (!pending.empty()) {
            for (const auto & entry : pending) {
                if (pendingApplied.count(entry.first) == 0) {
                    throw std::runtime_error("the optimizer state has moments for " + entry.first + ", which this model does not train");
                }
            }
            pending.clear();
        }
    } else if (gradientBatches != 0) {
        throw std::runtime_error("an evaluation step computed gradients");
    }
    outcome.batches = lossBatches;
    return outcome;
}

std::vector<int64_t> TrainingHook::rowPositions(int64_t batch) const {
    std::vector<int64_t> positions;
    const int64_t base = batch * nUbatch;
    for (int64_t p = base; p < base + nUbatch && p < nCtx; ++p) {
        if (outputs == nullptr || outputs[p] != 0) positions.push_back(p);
    }
    return positions;
}

void TrainingHook::onLoss(ggml_tensor * t) {
    ggml_tensor * logits = t->src[0];
    ggml_tensor * onehot = t->src[1];
    if (logits == nullptr || onehot == nullptr || !isContiguousF32(logits) || !isContiguousF32(onehot)) {
        throw std::runtime_error("unexpected cross-entropy inputs (not contiguous F32)");
    }
    const int64_t rows = rowsOf(logits);
    if (lossBatches * nUbatch >= nCtx) throw std::runtime_error("more batches than positions in the datapoint");
    const std::vector<int64_t> positions = rowPositions(lossBatches);
    if (logits->ne[0] != nVocab || rows != int64_t(positions.size()) || rowsOf(onehot) != rows || onehot->ne[0] != nVocab) {
        throw std::runtime_error("unexpected cross-entropy shape [" + std::to_string(logits->ne[0]) + ", " + std::to_string(rows) +
                                 "], expected [" + std::to_string(nVocab) + ", " + std::to_string(positions.size()) + "]");
    }
    lossBatches++;
    outcome.outputRows += rows;

    Rows x(logits, false);
    Rows y(onehot, false);
    // The one-hot labels llama_opt_epoch wrote must be ours: this checks the batch order assumption.
    for (int64_t r = 0; r < rows; ++r) {
        if (y.row(r)[labels[positions[r]]] != 1.0f) {
            throw std::runtime_error("the labels of position " + std::to_string(positions[r]) +
                                     " in the training graph are not the ones given (batch order changed?)");
        }
    }
    std::vector<double> partial(std::max(1, threads), 0.0);
    parallelRows(rows, threads, rows * nVocab, [&](int64_t begin, int64_t end, int64_t worker) {
        double sum = 0;
        for (int64_t r = begin; r < end; ++r) {
            const int64_t p = positions[r];
            if (!mask[p]) continue;
            const float * row = x.row(r);
            sum += rowLogSumExp(row, nVocab) - double(row[labels[p]]);
        }
        partial[worker] = sum;
    });
    for (double value : partial) outcome.lossSum += value;
    for (int64_t r = 0; r < rows; ++r) outcome.lossTokens += mask[positions[r]] != 0;
    if (t->type == GGML_TYPE_F32) {
        outcome.referenceLossSum += double(readScalar(t)) * double(rows);
        outcome.referenceTokens += rows;
    }
}

void TrainingHook::onGradient(ggml_tensor * t) {
    ggml_tensor * dLoss = t->src[0];
    if (!isContiguousF32(t) || dLoss == nullptr || dLoss->type != GGML_TYPE_F32) {
        throw std::runtime_error("unexpected cross-entropy gradient (not contiguous F32)");
    }
    const int64_t rows = rowsOf(t);
    if (gradientBatches != lossBatches - 1) throw std::runtime_error("cross-entropy gradient without its forward pass");
    const std::vector<int64_t> positions = rowPositions(gradientBatches);
    if (t->ne[0] != nVocab || rows != int64_t(positions.size())) throw std::runtime_error("unexpected cross-entropy gradient shape");
    gradientBatches++;
    if (!maskGradients) return;
    if (trainable == 0) throw std::runtime_error("a training step needs at least one trainable position");

    // ggml computed (softmax - onehot) * d / rows for every row; d is 1/opt_period. The wanted
    // gradient is (softmax - onehot) / trainable for trainable rows and 0 for the others.
    const float d = readScalar(dLoss);
    if (!(d > 0)) throw std::runtime_error("unexpected loss gradient " + std::to_string(d));
    const float scale = float(double(rows) / (double(d) * double(trainable)));
    Rows g(t, true);
    parallelRows(rows, threads, rows * nVocab, [&](int64_t begin, int64_t end, int64_t) {
        for (int64_t r = begin; r < end; ++r) {
            float * row = g.row(r);
            if (!mask[positions[r]]) {
                std::memset(row, 0, sizeof(float) * nVocab);
            } else {
                scaleRow(row, nVocab, scale);
            }
        }
    });
    g.commit();
}

void TrainingHook::onOptimizerStep(ggml_tensor * t) {
    outcome.optimizerNodes++;
    ggml_tensor * param = t->src[0];
    if (param->type != GGML_TYPE_F32) {
        throw std::runtime_error(std::string("tensor ") + param->name + " is not F32: full fine-tuning needs an F32 model");
    }
    const std::string name = param->name;
    // The step's gradient is the accumulator itself or an in-place addition into it (a view).
    ggml_tensor * accumulator = t->src[1];
    while (accumulator != nullptr && accumulator->view_src != nullptr) accumulator = accumulator->view_src;
    if (accumulator == nullptr || accumulator->buffer == nullptr) throw std::runtime_error("no gradient accumulator for " + name);
    accumulators[name] = accumulator;
    if (t->op != GGML_OP_OPT_STEP_ADAMW) {
        optimizerTensors[name] = {param, nullptr, nullptr};
        return;
    }
    ggml_tensor * m = t->src[2];
    ggml_tensor * v = t->src[3];
    ggml_tensor * stepParams = t->src[4];
    if (!stepParamsPatched) {
        float values[7];
        api.ggml_backend_tensor_get(stepParams, values, 0, sizeof(values));
        values[5] = float(1.0 / (1.0 - std::pow(double(values[1]), double(iteration))));
        values[6] = float(1.0 / (1.0 - std::pow(double(values[2]), double(iteration))));
        api.ggml_backend_tensor_set(stepParams, values, 0, sizeof(values));
        stepParamsPatched = true;
    }
    optimizerTensors[name] = {param, m, v};
    if (pending.empty()) return;
    const auto found = pending.find(name);
    if (found == pending.end()) throw std::runtime_error("the optimizer state has no moments for " + name);
    const size_t n = size_t(m->ne[0] * m->ne[1] * m->ne[2] * m->ne[3]);
    if (found->second.m.size() != n || found->second.v.size() != n || !isContiguousF32(m) || !isContiguousF32(v)) {
        throw std::runtime_error("the optimizer state of " + name + " does not match the tensor's size");
    }
    api.ggml_backend_tensor_set(m, found->second.m.data(), 0, n * sizeof(float));
    api.ggml_backend_tensor_set(v, found->second.v.data(), 0, n * sizeof(float));
    pendingApplied[name] = true;
}

void TrainingHook::onGradientProbe(ggml_tensor * t) {
    const std::string name = t->src[0]->name;
    const auto found = accumulators.find(name);
    if (found == accumulators.end()) throw std::runtime_error("no gradient accumulator recorded for " + name);
    ggml_tensor * gradient = found->second;
    if (gradient->type != GGML_TYPE_F32) throw std::runtime_error("the gradient of " + name + " is not F32");
    std::vector<float> values(size_t(api.ggml_nbytes(gradient) / sizeof(float)));
    api.ggml_backend_tensor_get(gradient, values.data(), 0, values.size() * sizeof(float));
    bool zero = true;
    for (float value : values) {
        if (value != 0.0f) {
            zero = false;
            break;
        }
    }
    zeroGradient[name] = zero;
}

std::vector<std::string> TrainingHook::trainedTensorNames() const {
    std::vector<std::string> names;
    for (const auto & entry : optimizerTensors) {
        const auto zero = zeroGradient.find(entry.first);
        if (zero != zeroGradient.end() && !zero->second) names.push_back(entry.first);
    }
    return names;
}

std::map<std::string, SavedMoments> TrainingHook::readMoments() const {
    bool live = false;
    for (const auto & entry : optimizerTensors) live = live || entry.second.m != nullptr;
    if (!live) return pending;
    std::map<std::string, SavedMoments> out;
    for (const auto & entry : optimizerTensors) {
        const OptimizerTensors & tensors = entry.second;
        if (tensors.m == nullptr) continue;
        SavedMoments moments;
        const size_t n = size_t(tensors.m->ne[0] * tensors.m->ne[1] * tensors.m->ne[2] * tensors.m->ne[3]);
        moments.m.resize(n);
        moments.v.resize(n);
        api.ggml_backend_tensor_get(tensors.m, moments.m.data(), 0, n * sizeof(float));
        api.ggml_backend_tensor_get(tensors.v, moments.v.data(), 0, n * sizeof(float));
        out.emplace(entry.first, std::move(moments));
    }
    return out;
}

void TrainingHook::setPendingMoments(std::map<std::string, SavedMoments> moments) {
    pending = std::move(moments);
    pendingApplied.clear();
}
