// Model: a llama_model loaded with writable F32 weights (no mmap), for training and saving.
#pragma once

#include <napi.h>

#include <cstdint>
#include <string>

#include "LlamaApi.h"

class AddonModel : public Napi::ObjectWrap<AddonModel> {
   public:
    static Napi::Function Define(Napi::Env env);
    explicit AddonModel(const Napi::CallbackInfo & info);
    ~AddonModel() override;

    llama_model * model = nullptr;
    // n_ctx_train as loaded: llama_opt_init overwrites the model's value with the training context.
    int32_t contextLength = 0;
    int32_t nVocab = 0;
    uint64_t nParams = 0;
    std::string description;
    // Main-thread flags: an operation (save, training step) is running; a trainer is alive; a trainer
    // was ever created (llama_opt_init changes the model for good, so only one may ever be).
    bool busy = false;
    bool hasTrainer = false;
    bool trainerCreated = false;

    void ensureUsable(Napi::Env env, const char * action) const;

   private:
    static Napi::Value Load(const Napi::CallbackInfo & info);
    Napi::Value Save(const Napi::CallbackInfo & info);
    Napi::Value Dispose(const Napi::CallbackInfo & info);
    Napi::Value GetContextLength(const Napi::CallbackInfo & info);
    Napi::Value GetVocabSize(const Napi::CallbackInfo & info);
    Napi::Value GetParameterCount(const Napi::CallbackInfo & info);
    Napi::Value GetDescription(const Napi::CallbackInfo & info);
    Napi::Value GetDisposed(const Napi::CallbackInfo & info);
};
