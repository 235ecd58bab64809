#include "AddonModel.h"

#include <sys/stat.h>

#include <stdexcept>

#include "PromiseWorker.h"

namespace {

struct LoadedModel {
    llama_model * model = nullptr;
    int32_t contextLength = 0;
    int32_t nVocab = 0;
    uint64_t nParams = 0;
    std::string description;
};

class LoadWorker : public PromiseWorker {
   public:
    LoadWorker(Napi::Env env, std::string file, int gpuLayers) : PromiseWorker(env, "toolace.Model.load"), path(std::move(file)), layers(gpuLayers) {}
    ~LoadWorker() override {
        if (loaded.model != nullptr) api.llama_model_free(loaded.model);
    }

   protected:
    void Run() override {
        llama_model_params params = api.llama_model_default_params();
        params.n_gpu_layers = layers;
        params.load_mode = LLAMA_LOAD_MODE_NONE;  // weights in writable memory, not a read-only mapping
        params.use_extra_bufts = false;           // no repacked weight layouts: training updates plain F32 tensors
        loaded.model = api.llama_model_load_from_file(path.c_str(), params);
        if (loaded.model == nullptr) throw std::runtime_error("llama.cpp could not load " + path + " (see the llama.cpp log)");
        loaded.contextLength = api.llama_model_n_ctx_train(loaded.model);
        loaded.nVocab = api.llama_vocab_n_tokens(api.llama_model_get_vocab(loaded.model));
        loaded.nParams = api.llama_model_n_params(loaded.model);
        char buffer[256];
        if (api.llama_model_desc(loaded.model, buffer, sizeof(buffer)) > 0) loaded.description = buffer;
    }

    Napi::Value Result(Napi::Env env) override {
        auto * data = env.GetInstanceData<AddonData>();
        Napi::Object object = data->model.New({Napi::External<LoadedModel>::New(env, &loaded)});
        loaded.model = nullptr;  // owned by the object now
        return object;
    }

   private:
    std::string path;
    int layers;
    LoadedModel loaded;
};

class SaveWorker : public PromiseWorker {
   public:
    SaveWorker(Napi::Env env, AddonModel * owner, Napi::Object self, std::string file)
        : PromiseWorker(env, "toolace.Model.save"), model(owner), selfRef(Napi::Persistent(self)), path(std::move(file)) {}

   protected:
    void Run() override {
        api.llama_model_save_to_file(model->model, path.c_str());
        struct stat info;
        // llama_model_save_to_file reports write errors only to the log.
        if (stat(path.c_str(), &info) != 0 || info.st_size == 0) throw std::runtime_error("llama.cpp could not write " + path + " (see the llama.cpp log)");
    }
    void Settle() override { model->busy = false; }

   private:
    AddonModel * model;
    Napi::ObjectReference selfRef;
    std::string path;
};

}  // namespace

Napi::Function AddonModel::Define(Napi::Env env) {
    return DefineClass(env, "Model",
                       {
                           StaticMethod<&AddonModel::Load>("load"),
                           InstanceMethod<&AddonModel::Save>("save"),
                           InstanceMethod<&AddonModel::Dispose>("dispose"),
                           InstanceAccessor<&AddonModel::GetContextLength>("contextLength"),
                           InstanceAccessor<&AddonModel::GetVocabSize>("vocabSize"),
                           InstanceAccessor<&AddonModel::GetParameterCount>("parameterCount"),
                           InstanceAccessor<&AddonModel::GetDescription>("description"),
                           InstanceAccessor<&AddonModel::GetDisposed>("disposed"),
                       });
}

AddonModel::AddonModel(const Napi::CallbackInfo & info) : Napi::ObjectWrap<AddonModel>(info) {
    if (info.Length() != 1 || !info[0].IsExternal()) throw Napi::TypeError::New(info.Env(), "use Model.load(path) to load a model");
    auto * loaded = info[0].As<Napi::External<LoadedModel>>().Data();
    model = loaded->model;
    contextLength = loaded->contextLength;
    nVocab = loaded->nVocab;
    nParams = loaded->nParams;
    description = loaded->description;
}

AddonModel::~AddonModel() {
    if (model != nullptr && !busy) api.llama_model_free(model);
}

void AddonModel::ensureUsable(Napi::Env env, const char * action) const {
    if (model == nullptr) throw Napi::Error::New(env, std::string("cannot ") + action + ": the model was disposed");
    if (busy) throw Napi::Error::New(env, std::string("cannot ") + action + ": the model is busy (a save or a training step is running)");
}

Napi::Value AddonModel::Load(const Napi::CallbackInfo & info) {
    if (!isLlamaAttached()) throw Napi::Error::New(info.Env(), "attach() the trainer to node-llama-cpp's libllama first");
    const std::string path = stringArgument(info, 0, "the model path");
    const Napi::Object options = objectArgument(info, 1);
    const double gpuLayers = numberOption(options, "gpuLayers", 0);
    auto * worker = new LoadWorker(info.Env(), path, int(gpuLayers));
    return worker->Start();
}

Napi::Value AddonModel::Save(const Napi::CallbackInfo & info) {
    ensureUsable(info.Env(), "save");
    const std::string path = stringArgument(info, 0, "the output path");
    busy = true;
    auto * worker = new SaveWorker(info.Env(), this, info.This().As<Napi::Object>(), path);
    return worker->Start();
}

Napi::Value AddonModel::Dispose(const Napi::CallbackInfo & info) {
    if (model == nullptr) return info.Env().Undefined();
    if (busy) throw Napi::Error::New(info.Env(), "cannot dispose the model while it is busy");
    if (hasTrainer) throw Napi::Error::New(info.Env(), "dispose the model's trainer first");
    api.llama_model_free(model);
    model = nullptr;
    return info.Env().Undefined();
}

Napi::Value AddonModel::GetContextLength(const Napi::CallbackInfo & info) { return Napi::Number::New(info.Env(), contextLength); }
Napi::Value AddonModel::GetVocabSize(const Napi::CallbackInfo & info) { return Napi::Number::New(info.Env(), nVocab); }
Napi::Value AddonModel::GetParameterCount(const Napi::CallbackInfo & info) { return Napi::Number::New(info.Env(), double(nParams)); }
Napi::Value AddonModel::GetDescription(const Napi::CallbackInfo & info) { return Napi::String::New(info.Env(), description); }
Napi::Value AddonModel::GetDisposed(const Napi::CallbackInfo & info) { return Napi::Boolean::New(info.Env(), model == nullptr); }
