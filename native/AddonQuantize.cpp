#include "AddonQuantize.h"

#include <map>
#include <mutex>
#include <stdexcept>
#include <string>

#include "LlamaApi.h"
#include "PromiseWorker.h"

namespace {

const std::map<std::string, llama_ftype> fileTypes = {
    {"f32", LLAMA_FTYPE_ALL_F32},
    {"f16", LLAMA_FTYPE_MOSTLY_F16},
    {"q8_0", LLAMA_FTYPE_MOSTLY_Q8_0},
    {"q4_0", LLAMA_FTYPE_MOSTLY_Q4_0},
    {"q4_k_m", LLAMA_FTYPE_MOSTLY_Q4_K_M},
};

// llama_model_quantize reports its failures only to the llama.cpp log. While one runs, a log callback
// keeps the error lines (and passes everything on to the callback that was installed, node-llama-cpp's).
// One quantization at a time: the log callback is process-wide.
std::mutex quantizeMutex;
std::mutex logMutex;
std::string capturedErrors;
ggml_log_callback previousCallback = nullptr;
void * previousUserData = nullptr;

void captureLog(ggml_log_level level, const char * text, void * userData) {
    {
        std::lock_guard<std::mutex> lock(logMutex);
        if (level == GGML_LOG_LEVEL_ERROR && text != nullptr && capturedErrors.size() < 4096) capturedErrors += text;
    }
    if (previousCallback != nullptr) previousCallback(level, text, previousUserData);
}

std::string trim(const std::string & text) {
    const auto begin = text.find_first_not_of(" \n\t");
    const auto end = text.find_last_not_of(" \n\t");
    return begin == std::string::npos ? std::string() : text.substr(begin, end - begin + 1);
}

class QuantizeWorker : public PromiseWorker {
   public:
    QuantizeWorker(Napi::Env env, std::string in, std::string out, llama_ftype type, int threadCount, bool requantize)
        : PromiseWorker(env, "toolace.quantize"), input(std::move(in)), output(std::move(out)), ftype(type), threads(threadCount), allowRequantize(requantize) {}

   protected:
    void Run() override {
        std::lock_guard<std::mutex> lock(quantizeMutex);
        llama_model_quantize_params params = api.llama_model_quantize_default_params();
        params.ftype = ftype;
        params.nthread = threads;
        params.allow_requantize = allowRequantize;
        {
            std::lock_guard<std::mutex> logLock(logMutex);
            capturedErrors.clear();
        }
        api.llama_log_get(&previousCallback, &previousUserData);
        api.llama_log_set(&captureLog, nullptr);
        const uint32_t rc = api.llama_model_quantize(input.c_str(), output.c_str(), &params);
        api.llama_log_set(previousCallback, previousUserData);
        if (rc != 0) {
            std::lock_guard<std::mutex> logLock(logMutex);
            const std::string reason = trim(capturedErrors);
            throw std::runtime_error("llama.cpp could not quantize " + input + (reason.empty() ? " (see the llama.cpp log)" : ": " + reason));
        }
    }

   private:
    std::string input;
    std::string output;
    llama_ftype ftype;
    int threads;
    bool allowRequantize;
};

}  // namespace

Napi::Value Quantize(const Napi::CallbackInfo & info) {
    Napi::Env env = info.Env();
    if (!isLlamaAttached()) throw Napi::Error::New(env, "attach() the trainer to node-llama-cpp's libllama first");
    const std::string input = stringArgument(info, 0, "the input path");
    const std::string output = stringArgument(info, 1, "the output path");
    const Napi::Object options = objectArgument(info, 2);
    const std::string type = stringOption(options, "type", "");
    const auto found = fileTypes.find(type);
    if (found == fileTypes.end()) throw Napi::RangeError::New(env, "type must be one of f32, f16, q8_0, q4_0, q4_k_m; got \"" + type + "\"");
    const double threads = numberOption(options, "threads", 0);
    if (!(threads >= 0) || threads > 1024 || double(int(threads)) != threads) throw Napi::RangeError::New(env, "threads must be an integer >= 0 (0: every core)");
    const bool allowRequantize = boolOption(options, "allowRequantize", false);
    auto * worker = new QuantizeWorker(env, input, output, found->second, int(threads), allowRequantize);
    return worker->Start();
}
