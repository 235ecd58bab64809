#include "AddonTrainer.h"

#include <algorithm>

#include <unistd.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <stdexcept>
#include <vector>

#include "PromiseWorker.h"

namespace {

constexpr char optimizerStateMagic[8] = {'T', 'O', 'P', 'T', 'S', 'T', 'A', 'T'};
constexpr uint32_t optimizerStateVersion = 1;

struct TrainerConfig {
    std::string capacityAdapter;
    int capacityAdapterCopies = 0;
    int64_t contextSize = 0;
    int64_t batchSize = 0;
    int threads = 1;
    bool adamw = true;
    float weightDecay = 0;
    bool maskGradients = true;
    bool lossOutputsOnly = true;
};

// The positions a step computes logits for: those that carry loss, plus the last position of every
// physical batch that has none (llama.cpp needs an output per batch; the hook masks it). The logits of
// the other positions only fed a loss and a gradient that the mask zeroes.
std::vector<uint8_t> lossOutputs(const std::vector<uint8_t> & mask, int64_t batchSize) {
    std::vector<uint8_t> outputs(mask.size());
    for (size_t begin = 0; begin < mask.size(); begin += size_t(batchSize)) {
        const size_t end = std::min(mask.size(), begin + size_t(batchSize));
        bool any = false;
        for (size_t p = begin; p < end; ++p) {
            outputs[p] = mask[p] != 0 ? 1 : 0;
            any = any || mask[p] != 0;
        }
        if (!any && end > begin) outputs[end - 1] = 1;
    }
    return outputs;
}

class CreateWorker : public PromiseWorker {
   public:
    CreateWorker(Napi::Env env, AddonModel * owner, Napi::Object modelObject, TrainerConfig settings)
        : PromiseWorker(env, "toolace.Trainer.create"), model(owner), modelRef(Napi::Persistent(modelObject)), config(settings) {}
    ~CreateWorker() override { parts.free(); }

   protected:
    void Run() override {
        parts.adamw = config.adamw;
        // Only with the exact mask: without it every position carries loss (llama.cpp's own gradient).
        parts.lossOutputsOnly = config.lossOutputsOnly && config.maskGradients && api.llama_opt_toolace_set_outputs != nullptr;
        parts.hook = std::make_unique<TrainingHook>();
        TrainingHook * hook = parts.hook.get();
        hook->nCtx = config.contextSize;
        hook->nUbatch = config.batchSize;
        hook->nVocab = model->nVocab;
        hook->threads = config.threads;
        hook->adamw = config.adamw;
        hook->weightDecay = config.weightDecay;
        hook->maskGradients = config.maskGradients;

        // llama.cpp sizes the scheduler and graphs for inference (max(1024, 8 * n_tensors) nodes plus
        // 6 per LoRA pair of every adapter loaded on the model); a training graph needs about twice
        // that and overflows (GGML_ASSERT, process abort) from ~8 llama layers on. Adapters loaded on
        // the model but never set on a context only raise that budget, so load the caller's dummy
        // adapter as many times as needed before the context is created.
        for (int i = 0; i < config.capacityAdapterCopies; ++i) {
            llama_adapter_lora * adapter = api.llama_adapter_lora_init(model->model, config.capacityAdapter.c_str());
            if (adapter == nullptr) throw std::runtime_error("llama.cpp could not load the graph capacity adapter " + config.capacityAdapter);
            parts.capacityAdapters.push_back(adapter);
        }

        llama_context_params params = api.llama_context_default_params();
        params.n_ctx = uint32_t(config.contextSize);
        params.n_batch = uint32_t(config.contextSize);
        params.n_ubatch = uint32_t(config.batchSize);
        params.n_seq_max = 1;
        params.n_threads = config.threads;
        params.n_threads_batch = config.threads;
        params.flash_attn_type = LLAMA_FLASH_ATTN_TYPE_DISABLED;  // FLASH_ATTN_EXT has no backward pass
        params.type_k = GGML_TYPE_F32;                            // OUT_PROD has no F16 support
        params.type_v = GGML_TYPE_F32;
        params.cb_eval = &TrainingHook::evalCallback;
        params.cb_eval_user_data = hook;
        params.no_perf = true;
        parts.ctx = api.llama_init_from_model(model->model, params);
        if (parts.ctx == nullptr) throw std::runtime_error("llama.cpp could not create a training context (see the llama.cpp log)");
        if (int64_t(api.llama_n_ctx(parts.ctx)) != config.contextSize || int64_t(api.llama_n_batch(parts.ctx)) != config.contextSize ||
            int64_t(api.llama_n_ubatch(parts.ctx)) != config.batchSize) {
            throw std::runtime_error("llama.cpp changed the context to n_ctx=" + std::to_string(api.llama_n_ctx(parts.ctx)) +
                                     " n_batch=" + std::to_string(api.llama_n_batch(parts.ctx)) +
                                     " n_ubatch=" + std::to_string(api.llama_n_ubatch(parts.ctx)));
        }

        // The scheduler takes the evaluation callback (and the CPU thread count) when llama_decode
        // builds a graph; llama_opt_epoch reuses that scheduler, so decode one token first.
        llama_token token = 0;
        const int32_t rc = api.llama_decode(parts.ctx, api.llama_batch_get_one(&token, 1));
        if (rc != 0) throw std::runtime_error("llama_decode failed with " + std::to_string(rc) + " while preparing the trainer");
        if (hook->callbackCalls() == 0) throw std::runtime_error("llama.cpp did not install the evaluation hook; per-token loss masking is impossible");
        api.llama_memory_clear(api.llama_get_memory(parts.ctx), true);

        llama_opt_params opt{};
        opt.n_ctx_train = 0;
        opt.param_filter = api.llama_opt_param_filter_all;
        opt.param_filter_ud = nullptr;
        opt.get_opt_pars = &TrainingHook::optimizerParams;
        opt.get_opt_pars_ud = hook;
        opt.optimizer_type = config.adamw ? GGML_OPT_OPTIMIZER_TYPE_ADAMW : GGML_OPT_OPTIMIZER_TYPE_SGD;
        api.llama_opt_init(parts.ctx, model->model, opt);

        parts.dataset = api.ggml_opt_dataset_init(GGML_TYPE_I32, GGML_TYPE_I32, config.contextSize, config.contextSize, 1, 1);
        if (parts.dataset == nullptr) throw std::runtime_error("could not allocate the training dataset");
    }

    Napi::Value Result(Napi::Env env) override {
        auto * data = env.GetInstanceData<AddonData>();
        Napi::Object object = data->trainer.New({Napi::External<TrainerParts>::New(env, &parts), modelRef.Value()});
        return object;
    }

    void Settle() override { model->busy = false; }

   private:
    AddonModel * model;
    Napi::ObjectReference modelRef;
    TrainerConfig config;
    TrainerParts parts;
};

class StepWorker : public PromiseWorker {
   public:
    StepWorker(Napi::Env env, AddonTrainer * owner, Napi::Object self) : PromiseWorker(env, "toolace.Trainer.step"), trainer(owner), selfRef(Napi::Persistent(self)) {}

    std::vector<int32_t> tokens;
    std::vector<int32_t> labels;
    std::vector<uint8_t> mask;
    float learningRate = 0;
    int64_t iteration = 1;
    bool train = true;

   protected:
    void Run() override {
        TrainerParts & parts = trainer->parts;
        std::memcpy(api.ggml_opt_dataset_data(parts.dataset)->data, tokens.data(), tokens.size() * sizeof(int32_t));
        std::memcpy(api.ggml_opt_dataset_labels(parts.dataset)->data, labels.data(), labels.size() * sizeof(int32_t));
        parts.hook->learningRate = learningRate;
        std::vector<uint8_t> outputs;
        if (parts.lossOutputsOnly) {
            outputs = lossOutputs(mask, parts.hook->nUbatch);
            api.llama_opt_toolace_set_outputs(parts.ctx, outputs.data(), int32_t(outputs.size()));
        }
        parts.hook->begin(train, labels.data(), mask.data(), parts.lossOutputsOnly ? outputs.data() : nullptr, iteration);
        try {
            api.llama_opt_epoch(parts.ctx, parts.dataset, nullptr, nullptr, train ? 1 : 0, nullptr, nullptr);
        } catch (...) {
            try {
                parts.hook->finish();
            } catch (...) {
            }
            throw;
        }
        outcome = parts.hook->finish();
    }

    Napi::Value Result(Napi::Env env) override {
        Napi::Object result = Napi::Object::New(env);
        result.Set("loss", outcome.lossTokens > 0 ? outcome.lossSum / double(outcome.lossTokens) : NAN);
        result.Set("lossSum", outcome.lossSum);
        result.Set("tokens", double(outcome.lossTokens));
        result.Set("batches", double(outcome.batches));
        result.Set("outputs", double(outcome.outputRows));
        result.Set("referenceLossSum", outcome.referenceLossSum);
        result.Set("referenceTokens", double(outcome.referenceTokens));
        result.Set("hookMs", outcome.hookMs);
        return result;
    }

    void Settle() override {
        trainer->busy = false;
        if (trainer->model != nullptr) trainer->model->busy = false;
    }

   private:
    AddonTrainer * trainer;
    Napi::ObjectReference selfRef;
    StepOutcome outcome;
};

void writeAll(FILE * file, const void * data, size_t bytes, const std::string & path) {
    if (bytes > 0 && std::fwrite(data, 1, bytes, file) != bytes) throw std::runtime_error("cannot write " + path);
}

void readAll(FILE * file, void * data, size_t bytes, const std::string & path) {
    if (bytes > 0 && std::fread(data, 1, bytes, file) != bytes) throw std::runtime_error(path + " is truncated");
}

struct FileCloser {
    FILE * file;
    ~FileCloser() {
        if (file != nullptr) std::fclose(file);
    }
};

// File: magic, u32 version, u32 optimizer (0 AdamW, 1 SGD), u32 count, then per tensor
// u32 name length, name, u64 n, f32 m[n], f32 v[n]. Little-endian (the machine's order).
class SaveStateWorker : public PromiseWorker {
   public:
    SaveStateWorker(Napi::Env env, AddonTrainer * owner, Napi::Object self, std::string file)
        : PromiseWorker(env, "toolace.Trainer.saveOptimizerState"), trainer(owner), selfRef(Napi::Persistent(self)), path(std::move(file)) {}

   protected:
    void Run() override {
        const auto moments = trainer->parts.hook->readMoments();
        FILE * file = std::fopen(path.c_str(), "wb");
        if (file == nullptr) throw std::runtime_error("cannot create " + path + ": " + std::strerror(errno));
        FileCloser closer{file};
        const uint32_t header[3] = {optimizerStateVersion, trainer->parts.adamw ? 0u : 1u, uint32_t(moments.size())};
        writeAll(file, optimizerStateMagic, sizeof(optimizerStateMagic), path);
        writeAll(file, header, sizeof(header), path);
        for (const auto & entry : moments) {
            const uint32_t nameLength = uint32_t(entry.first.size());
            const uint64_t n = entry.second.m.size();
            writeAll(file, &nameLength, sizeof(nameLength), path);
            writeAll(file, entry.first.data(), nameLength, path);
            writeAll(file, &n, sizeof(n), path);
            writeAll(file, entry.second.m.data(), n * sizeof(float), path);
            writeAll(file, entry.second.v.data(), n * sizeof(float), path);
        }
        if (std::fflush(file) != 0 || fsync(fileno(file)) != 0) throw std::runtime_error("cannot flush " + path + ": " + std::strerror(errno));
        closer.file = nullptr;
        if (std::fclose(file) != 0) throw std::runtime_error("cannot close " + path);
        tensors = moments.size();
    }
    Napi::Value Result(Napi::Env env) override {
        Napi::Object result = Napi::Object::New(env);
        result.Set("tensors", double(tensors));
        return result;
    }
    void Settle() override { trainer->busy = false; }

   private:
    AddonTrainer * trainer;
    Napi::ObjectReference selfRef;
    std::string path;
    size_t tensors = 0;
};

class LoadStateWorker : public PromiseWorker {
   public:
    LoadStateWorker(Napi::Env env, AddonTrainer * owner, Napi::Object self, std::string file)
        : PromiseWorker(env, "toolace.Trainer.loadOptimizerState"), trainer(owner), selfRef(Napi::Persistent(self)), path(std::move(file)) {}

   protected:
    void Run() override {
        FILE * file = std::fopen(path.c_str(), "rb");
        if (file == nullptr) throw std::runtime_error("cannot open " + path + ": " + std::strerror(errno));
        FileCloser closer{file};
        char magic[sizeof(optimizerStateMagic)];
        uint32_t header[3];
        readAll(file, magic, sizeof(magic), path);
        if (std::memcmp(magic, optimizerStateMagic, sizeof(magic)) != 0) throw std::runtime_error(path + " is not an optimizer state file");
        readAll(file, header, sizeof(header), path);
        if (header[0] != optimizerStateVersion) throw std::runtime_error(path + " has unsupported version " + std::to_string(header[0]));
        if (header[1] != (trainer->parts.adamw ? 0u : 1u)) throw std::runtime_error(path + " was written for another optimizer");
        std::map<std::string, SavedMoments> moments;
        for (uint32_t i = 0; i < header[2]; ++i) {
            uint32_t nameLength = 0;
            uint64_t n = 0;
            readAll(file, &nameLength, sizeof(nameLength), path);
            if (nameLength == 0 || nameLength > 256) throw std::runtime_error(path + " is corrupt (tensor name length)");
            std::string name(nameLength, '\0');
            readAll(file, &name[0], nameLength, path);
            readAll(file, &n, sizeof(n), path);
            if (n == 0 || n > (uint64_t(1) << 36)) throw std::runtime_error(path + " is corrupt (tensor size)");
            SavedMoments entry;
            entry.m.resize(n);
            entry.v.resize(n);
            readAll(file, entry.m.data(), n * sizeof(float), path);
            readAll(file, entry.v.data(), n * sizeof(float), path);
            moments.emplace(std::move(name), std::move(entry));
        }
        if (std::fgetc(file) != EOF) throw std::runtime_error(path + " has trailing data");
        tensors = moments.size();
        trainer->parts.hook->setPendingMoments(std::move(moments));
    }
    Napi::Value Result(Napi::Env env) override {
        Napi::Object result = Napi::Object::New(env);
        result.Set("tensors", double(tensors));
        return result;
    }
    void Settle() override { trainer->busy = false; }

   private:
    AddonTrainer * trainer;
    Napi::ObjectReference selfRef;
    std::string path;
    size_t tensors = 0;
};

template <typename T>
std::vector<T> typedArrayCopy(const Napi::Object & options, const char * key, napi_typedarray_type type, size_t length) {
    Napi::Value value = options.Get(key);
    if (!value.IsTypedArray() || value.As<Napi::TypedArray>().TypedArrayType() != type) {
        throw Napi::TypeError::New(options.Env(), std::string(key) + (type == napi_int32_array ? " must be an Int32Array" : " must be a Uint8Array"));
    }
    Napi::TypedArray array = value.As<Napi::TypedArray>();
    if (array.ElementLength() != length) {
        throw Napi::RangeError::New(options.Env(), std::string(key) + " has " + std::to_string(array.ElementLength()) + " elements, the context has " +
                                                       std::to_string(length) + " positions");
    }
    std::vector<T> out(length);
    const auto * bytes = static_cast<const uint8_t *>(array.ArrayBuffer().Data()) + array.ByteOffset();
    std::memcpy(out.data(), bytes, length * sizeof(T));
    return out;
}

}  // namespace

void TrainerParts::free() {
    if (dataset != nullptr) api.ggml_opt_dataset_free(dataset);
    // The patch keeps the outputs by context: forget them before the address can be reused.
    if (ctx != nullptr && api.llama_opt_toolace_set_outputs != nullptr) api.llama_opt_toolace_set_outputs(ctx, nullptr, 0);
    if (ctx != nullptr) api.llama_free(ctx);
    for (llama_adapter_lora * adapter : capacityAdapters) api.llama_adapter_lora_free(adapter);
    capacityAdapters.clear();
    dataset = nullptr;
    ctx = nullptr;
    hook.reset();
}

Napi::Function AddonTrainer::Define(Napi::Env env) {
    return DefineClass(env, "Trainer",
                       {
                           StaticMethod<&AddonTrainer::Create>("create"),
                           InstanceMethod<&AddonTrainer::Step>("step"),
                           InstanceMethod<&AddonTrainer::SaveOptimizerState>("saveOptimizerState"),
                           InstanceMethod<&AddonTrainer::LoadOptimizerState>("loadOptimizerState"),
                           InstanceMethod<&AddonTrainer::Dispose>("dispose"),
                           InstanceAccessor<&AddonTrainer::GetContextSize>("contextSize"),
                           InstanceAccessor<&AddonTrainer::GetBatchSize>("batchSize"),
                           InstanceAccessor<&AddonTrainer::GetOptimizer>("optimizer"),
                           InstanceAccessor<&AddonTrainer::GetTrainedTensors>("trainedTensors"),
                       });
}

AddonTrainer::AddonTrainer(const Napi::CallbackInfo & info) : Napi::ObjectWrap<AddonTrainer>(info) {
    if (info.Length() != 2 || !info[0].IsExternal() || !info[1].IsObject()) {
        throw Napi::TypeError::New(info.Env(), "use Trainer.create(model, options) to create a trainer");
    }
    TrainerParts * created = info[0].As<Napi::External<TrainerParts>>().Data();
    parts.ctx = created->ctx;
    parts.dataset = created->dataset;
    parts.hook = std::move(created->hook);
    parts.adamw = created->adamw;
    parts.lossOutputsOnly = created->lossOutputsOnly;
    parts.capacityAdapters = std::move(created->capacityAdapters);
    created->capacityAdapters.clear();
    created->ctx = nullptr;
    created->dataset = nullptr;
    model = Napi::ObjectWrap<AddonModel>::Unwrap(info[1].As<Napi::Object>());
    modelRef = Napi::Persistent(info[1].As<Napi::Object>());
    model->hasTrainer = true;
}

AddonTrainer::~AddonTrainer() {
    if (!busy) release();
}

void AddonTrainer::release() {
    parts.free();
    if (model != nullptr) model->hasTrainer = false;
    model = nullptr;
    if (!modelRef.IsEmpty()) modelRef.Reset();
}

void AddonTrainer::ensureUsable(Napi::Env env, const char * action) {
    if (parts.ctx == nullptr) throw Napi::Error::New(env, std::string("cannot ") + action + ": the trainer was disposed");
    if (busy) throw Napi::Error::New(env, std::string("cannot ") + action + ": the trainer is busy");
}

Napi::Value AddonTrainer::Create(const Napi::CallbackInfo & info) {
    Napi::Env env = info.Env();
    if (info.Length() < 1 || !info[0].IsObject()) throw Napi::TypeError::New(env, "a Model is expected");
    Napi::Object modelObject = info[0].As<Napi::Object>();
    auto * data = env.GetInstanceData<AddonData>();
    if (!modelObject.InstanceOf(data->model.Value())) throw Napi::TypeError::New(env, "a Model is expected");
    AddonModel * model = Napi::ObjectWrap<AddonModel>::Unwrap(modelObject);
    model->ensureUsable(env, "train");
    if (model->trainerCreated) throw Napi::Error::New(env, "this model already had a trainer (llama_opt_init changes a model for good): load it again");

    const Napi::Object options = objectArgument(info, 1);
    TrainerConfig config;
    const double contextSize = numberOption(options, "contextSize", NAN);
    const double batchSize = numberOption(options, "batchSize", contextSize);
    const double threads = numberOption(options, "threads", 1);
    const std::string optimizer = stringOption(options, "optimizer", "adamw");
    const double weightDecay = numberOption(options, "weightDecay", 0);
    if (!(contextSize >= 256) || contextSize > (1 << 24) || std::fmod(contextSize, 256) != 0) {
        throw Napi::RangeError::New(env, "contextSize must be a positive multiple of 256 (llama.cpp pads contexts to 256)");
    }
    if (!(batchSize >= 1) || std::floor(batchSize) != batchSize || std::fmod(contextSize, batchSize) != 0) {
        throw Napi::RangeError::New(env, "batchSize must be a positive divisor of contextSize");
    }
    if (!(threads >= 1) || threads > 1024 || std::floor(threads) != threads) throw Napi::RangeError::New(env, "threads must be a positive integer");
    if (optimizer != "adamw" && optimizer != "sgd") throw Napi::RangeError::New(env, "optimizer must be \"adamw\" or \"sgd\"");
    if (!(weightDecay >= 0 && weightDecay <= 1)) throw Napi::RangeError::New(env, "weightDecay must be in [0, 1]");
    config.contextSize = int64_t(contextSize);
    config.batchSize = int64_t(batchSize);
    config.threads = int(threads);
    config.adamw = optimizer == "adamw";
    config.weightDecay = float(weightDecay);
    config.maskGradients = boolOption(options, "maskGradients", true);
    config.lossOutputsOnly = boolOption(options, "lossOutputsOnly", true);
    config.capacityAdapter = stringOption(options, "capacityAdapter", "");
    const double copies = numberOption(options, "capacityAdapterCopies", config.capacityAdapter.empty() ? 0 : 1);
    if (!(copies >= 0) || copies > 1000 || std::floor(copies) != copies) throw Napi::RangeError::New(env, "capacityAdapterCopies must be an integer in [0, 1000]");
    if (copies > 0 && config.capacityAdapter.empty()) throw Napi::RangeError::New(env, "capacityAdapterCopies needs capacityAdapter");
    config.capacityAdapterCopies = int(copies);

    model->busy = true;
    model->trainerCreated = true;
    auto * worker = new CreateWorker(env, model, modelObject, config);
    return worker->Start();
}

Napi::Value AddonTrainer::Step(const Napi::CallbackInfo & info) {
    Napi::Env env = info.Env();
    ensureUsable(env, "run a step");
    if (model == nullptr || model->model == nullptr) throw Napi::Error::New(env, "the trainer's model was disposed");
    if (model->busy) throw Napi::Error::New(env, "cannot run a step: the model is busy (saving?)");
    const Napi::Object options = objectArgument(info, 0);
    const size_t n = size_t(parts.hook->nCtx);
    auto * worker = new StepWorker(env, this, info.This().As<Napi::Object>());
    try {
        worker->tokens = typedArrayCopy<int32_t>(options, "tokens", napi_int32_array, n);
        worker->labels = typedArrayCopy<int32_t>(options, "labels", napi_int32_array, n);
        worker->mask = typedArrayCopy<uint8_t>(options, "mask", napi_uint8_array, n);
        worker->train = boolOption(options, "train", true);
        const double learningRate = numberOption(options, "learningRate", NAN);
        const double iteration = numberOption(options, "iteration", 1);
        const int64_t nVocab = parts.hook->nVocab;
        for (size_t i = 0; i < n; ++i) {
            if (worker->tokens[i] < 0 || worker->tokens[i] >= nVocab || worker->labels[i] < 0 || worker->labels[i] >= nVocab) {
                throw Napi::RangeError::New(env, "token " + std::to_string(worker->tokens[i]) + " / label " + std::to_string(worker->labels[i]) +
                                                     " at position " + std::to_string(i) + " is outside the vocabulary of " + std::to_string(nVocab));
            }
        }
        if (worker->train) {
            size_t trainable = 0;
            for (uint8_t flag : worker->mask) trainable += flag != 0;
            if (trainable == 0) throw Napi::RangeError::New(env, "a training step needs at least one trainable position");
            if (!(learningRate > 0) || !std::isfinite(learningRate)) throw Napi::RangeError::New(env, "learningRate must be a positive number");
            if (!(iteration >= 1) || std::floor(iteration) != iteration) throw Napi::RangeError::New(env, "iteration must be a positive integer");
        }
        worker->learningRate = float(worker->train ? learningRate : 1e-4);
        worker->iteration = int64_t(iteration);
    } catch (...) {
        delete worker;
        throw;
    }
    busy = true;
    model->busy = true;
    return worker->Start();
}

Napi::Value AddonTrainer::SaveOptimizerState(const Napi::CallbackInfo & info) {
    ensureUsable(info.Env(), "save the optimizer state");
    const std::string path = stringArgument(info, 0, "the output path");
    busy = true;
    auto * worker = new SaveStateWorker(info.Env(), this, info.This().As<Napi::Object>(), path);
    return worker->Start();
}

Napi::Value AddonTrainer::LoadOptimizerState(const Napi::CallbackInfo & info) {
    ensureUsable(info.Env(), "load an optimizer state");
    const std::string path = stringArgument(info, 0, "the state path");
    busy = true;
    auto * worker = new LoadStateWorker(info.Env(), this, info.This().As<Napi::Object>(), path);
    return worker->Start();
}

Napi::Value AddonTrainer::Dispose(const Napi::CallbackInfo & info) {
    if (busy) throw Napi::Error::New(info.Env(), "cannot dispose the trainer while a step is running");
    release();
    return info.Env().Undefined();
}

Napi::Value AddonTrainer::GetContextSize(const Napi::CallbackInfo & info) {
    return Napi::Number::New(info.Env(), parts.hook ? double(parts.hook->nCtx) : 0);
}
Napi::Value AddonTrainer::GetBatchSize(const Napi::CallbackInfo & info) {
    return Napi::Number::New(info.Env(), parts.hook ? double(parts.hook->nUbatch) : 0);
}
Napi::Value AddonTrainer::GetTrainedTensors(const Napi::CallbackInfo & info) {
    const std::vector<std::string> names = parts.hook ? parts.hook->trainedTensorNames() : std::vector<std::string>();
    Napi::Array out = Napi::Array::New(info.Env(), names.size());
    for (size_t i = 0; i < names.size(); ++i) out.Set(uint32_t(i), names[i]);
    return out;
}
Napi::Value AddonTrainer::GetOptimizer(const Napi::CallbackInfo & info) { return Napi::String::New(info.Env(), parts.adamw ? "adamw" : "sgd"); }
