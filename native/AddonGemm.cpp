#include "AddonGemm.h"

#include <chrono>
#include <cmath>
#include <stdexcept>
#include <vector>

#include "LlamaApi.h"
#include "PromiseWorker.h"

namespace {

class GemmWorker : public PromiseWorker {
   public:
    GemmWorker(Napi::Env env, int64_t m, int64_t n, int64_t k, int threadCount, int repeatCount)
        : PromiseWorker(env, "toolace.measureGemm"), rows(m), cols(n), depth(k), threads(threadCount), repeats(repeatCount) {}

   protected:
    void Run() override {
        ggml_backend_dev_t device = api.ggml_backend_dev_by_type(GGML_BACKEND_DEVICE_TYPE_CPU);
        if (device == nullptr) throw std::runtime_error("no CPU backend device is registered");
        ggml_backend_t backend = api.ggml_backend_dev_init(device, nullptr);
        if (backend == nullptr) throw std::runtime_error("the CPU backend could not be started");
        ggml_context * ctx = nullptr;
        ggml_backend_buffer_t buffer = nullptr;
        try {
            using SetThreads = void (*)(ggml_backend_t, int);
            auto * setThreads = reinterpret_cast<SetThreads>(
                api.ggml_backend_reg_get_proc_address(api.ggml_backend_dev_backend_reg(device), "ggml_backend_set_n_threads"));
            if (setThreads == nullptr) throw std::runtime_error("the CPU backend cannot set its thread count");
            setThreads(backend, threads);

            ggml_init_params params{};
            params.mem_size = 8 * api.ggml_tensor_overhead() + api.ggml_graph_overhead();
            params.mem_buffer = nullptr;
            params.no_alloc = true;
            ctx = api.ggml_init(params);
            if (ctx == nullptr) throw std::runtime_error("ggml_init failed");
            ggml_tensor * a = api.ggml_new_tensor_2d(ctx, GGML_TYPE_F32, depth, rows);
            ggml_tensor * b = api.ggml_new_tensor_2d(ctx, GGML_TYPE_F32, depth, cols);
            ggml_tensor * c = api.ggml_mul_mat(ctx, a, b);
            ggml_cgraph * graph = api.ggml_new_graph(ctx);
            api.ggml_build_forward_expand(graph, c);
            buffer = api.ggml_backend_alloc_ctx_tensors(ctx, backend);
            if (buffer == nullptr) throw std::runtime_error("could not allocate the matrices");

            std::vector<float> values(size_t(std::max(rows, cols) * depth));
            for (size_t i = 0; i < values.size(); i++) values[i] = float(std::sin(double(i) * 0.001));
            api.ggml_backend_tensor_set(a, values.data(), 0, api.ggml_nbytes(a));
            api.ggml_backend_tensor_set(b, values.data(), 0, api.ggml_nbytes(b));

            if (api.ggml_backend_graph_compute(backend, graph) != GGML_STATUS_SUCCESS) throw std::runtime_error("the matrix product failed");
            for (int i = 0; i < repeats; i++) {
                const auto start = std::chrono::steady_clock::now();
                if (api.ggml_backend_graph_compute(backend, graph) != GGML_STATUS_SUCCESS) throw std::runtime_error("the matrix product failed");
                ms.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count());
            }
        } catch (...) {
            if (buffer != nullptr) api.ggml_backend_buffer_free(buffer);
            if (ctx != nullptr) api.ggml_free(ctx);
            api.ggml_backend_free(backend);
            throw;
        }
        api.ggml_backend_buffer_free(buffer);
        api.ggml_free(ctx);
        api.ggml_backend_free(backend);
    }

    Napi::Value Result(Napi::Env env) override {
        Napi::Object result = Napi::Object::New(env);
        result.Set("flops", 2.0 * double(rows) * double(cols) * double(depth));
        Napi::Array times = Napi::Array::New(env, ms.size());
        for (size_t i = 0; i < ms.size(); i++) times.Set(uint32_t(i), ms[i]);
        result.Set("ms", times);
        return result;
    }

   private:
    int64_t rows;
    int64_t cols;
    int64_t depth;
    int threads;
    int repeats;
    std::vector<double> ms;
};

int64_t dimension(Napi::Env env, const Napi::Object & options, const char * key) {
    const double value = numberOption(options, key, 0);
    if (!(value >= 1 && value <= 65536) || std::floor(value) != value) {
        throw Napi::RangeError::New(env, std::string(key) + " must be an integer from 1 to 65536");
    }
    return int64_t(value);
}

}  // namespace

Napi::Value MeasureGemm(const Napi::CallbackInfo & info) {
    Napi::Env env = info.Env();
    if (!isLlamaAttached()) throw Napi::Error::New(env, "attach() the trainer to node-llama-cpp's libllama first");
    const Napi::Object options = objectArgument(info, 0);
    const int64_t m = dimension(env, options, "m");
    const int64_t n = dimension(env, options, "n");
    const int64_t k = dimension(env, options, "k");
    if (double(std::max(m, n)) * double(k) * 4 > 2.0 * 1024 * 1024 * 1024) throw Napi::RangeError::New(env, "the matrices would take more than 2 GiB each");
    const double threads = numberOption(options, "threads", 1);
    if (!(threads >= 1 && threads <= 1024) || std::floor(threads) != threads) throw Napi::RangeError::New(env, "threads must be an integer from 1 to 1024");
    const double repeats = numberOption(options, "repeats", 3);
    if (!(repeats >= 1 && repeats <= 1000) || std::floor(repeats) != repeats) throw Napi::RangeError::New(env, "repeats must be an integer from 1 to 1000");
    auto * worker = new GemmWorker(env, m, n, k, int(threads), int(repeats));
    return worker->Start();
}
