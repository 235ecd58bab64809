// An AsyncWorker settling a Promise: Execute() runs on a libuv pool thread, Result() on the main thread.
#pragma once

#include <napi.h>

#include <exception>
#include <string>

class PromiseWorker : public Napi::AsyncWorker {
   public:
    PromiseWorker(Napi::Env env, const char * name) : Napi::AsyncWorker(env, name), deferred(Napi::Promise::Deferred::New(env)) {}

    Napi::Promise Start() {
        Queue();
        return deferred.Promise();
    }

   protected:
    // Runs on the worker thread; throw std::exception to reject.
    virtual void Run() = 0;
    // Runs on the main thread after Run() succeeded.
    virtual Napi::Value Result(Napi::Env env) { return env.Undefined(); }
    // Runs on the main thread after success or failure, before the promise settles.
    virtual void Settle() {}

    void Execute() override {
        try {
            Run();
        } catch (const std::exception & e) {
            SetError(e.what());
        } catch (...) {
            SetError("unknown native error");
        }
    }

    void OnOK() override {
        Napi::Env env = Env();
        Napi::HandleScope scope(env);
        Settle();
        try {
            deferred.Resolve(Result(env));
        } catch (const Napi::Error & e) {
            deferred.Reject(e.Value());
        }
    }

    void OnError(const Napi::Error & error) override {
        Napi::HandleScope scope(Env());
        Settle();
        deferred.Reject(error.Value());
    }

   private:
    Napi::Promise::Deferred deferred;
};

// Option readers for plain JS option objects.
inline double numberOption(const Napi::Object & options, const char * key, double fallback) {
    if (!options.Has(key)) return fallback;
    Napi::Value value = options.Get(key);
    if (value.IsUndefined()) return fallback;
    if (!value.IsNumber()) throw Napi::TypeError::New(options.Env(), std::string("option ") + key + " must be a number");
    return value.As<Napi::Number>().DoubleValue();
}

inline bool boolOption(const Napi::Object & options, const char * key, bool fallback) {
    if (!options.Has(key)) return fallback;
    Napi::Value value = options.Get(key);
    if (value.IsUndefined()) return fallback;
    if (!value.IsBoolean()) throw Napi::TypeError::New(options.Env(), std::string("option ") + key + " must be a boolean");
    return value.As<Napi::Boolean>().Value();
}

inline std::string stringOption(const Napi::Object & options, const char * key, const std::string & fallback) {
    if (!options.Has(key)) return fallback;
    Napi::Value value = options.Get(key);
    if (value.IsUndefined()) return fallback;
    if (!value.IsString()) throw Napi::TypeError::New(options.Env(), std::string("option ") + key + " must be a string");
    return value.As<Napi::String>().Utf8Value();
}

inline Napi::Object objectArgument(const Napi::CallbackInfo & info, size_t index) {
    if (info.Length() <= index || info[index].IsUndefined()) return Napi::Object::New(info.Env());
    if (!info[index].IsObject()) throw Napi::TypeError::New(info.Env(), "an options object was expected");
    return info[index].As<Napi::Object>();
}

inline std::string stringArgument(const Napi::CallbackInfo & info, size_t index, const char * what) {
    if (info.Length() <= index || !info[index].IsString()) throw Napi::TypeError::New(info.Env(), std::string(what) + " must be a string");
    return info[index].As<Napi::String>().Utf8Value();
}

// Per-environment constructors of the wrapped classes.
struct AddonData {
    Napi::FunctionReference model;
    Napi::FunctionReference trainer;
};
