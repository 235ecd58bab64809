// Registers the native trainer: attach(), Model, Trainer, quantize() and measureGemm(). See LlamaApi.h for how llama.cpp is reached.
#include <napi.h>

#include "AddonGemm.h"
#include "AddonModel.h"
#include "AddonQuantize.h"
#include "AddonTrainer.h"
#include "LlamaApi.h"
#include "PromiseWorker.h"

namespace {

Napi::Value Attach(const Napi::CallbackInfo & info) {
    std::string libraryPath;
    if (info.Length() > 0 && !info[0].IsUndefined()) libraryPath = stringArgument(info, 0, "the libllama path");
    try {
        const AttachResult attached = attachLlama(libraryPath);
        Napi::Object result = Napi::Object::New(info.Env());
        result.Set("libraryPath", attached.libraryPath);
        result.Set("loadedBackends", attached.loadedBackends);
        result.Set("trainingPatch", attached.trainingPatch);
        result.Set("backwardGemmPatch", attached.backwardGemmPatch);
        result.Set("outputsPatch", attached.outputsPatch);
        result.Set("geluBackwardPatch", attached.geluBackwardPatch);
        return result;
    } catch (const std::exception & e) {
        throw Napi::Error::New(info.Env(), e.what());
    }
}

Napi::Object Init(Napi::Env env, Napi::Object exports) {
    auto * data = new AddonData();
    data->model = Napi::Persistent(AddonModel::Define(env));
    data->trainer = Napi::Persistent(AddonTrainer::Define(env));
    env.SetInstanceData<AddonData>(data);
    exports.Set("attach", Napi::Function::New<Attach>(env, "attach"));
    exports.Set("Model", data->model.Value());
    exports.Set("Trainer", data->trainer.Value());
    exports.Set("quantize", Napi::Function::New<Quantize>(env, "quantize"));
    exports.Set("measureGemm", Napi::Function::New<MeasureGemm>(env, "measureGemm"));
    return exports;
}

}  // namespace

NODE_API_MODULE(toolace_trainer, Init)
