// The llama.cpp / ggml functions the trainer uses, resolved with dlsym from the libllama that
// node-llama-cpp already loaded into this process. Only the declarations' types are taken from the
// headers (decltype), so the addon has no link-time dependency on any llama.cpp library and can
// never load a second copy of it.
#pragma once

#include <string>

#include "ggml-alloc.h"
#include "ggml-backend.h"
#include "ggml-opt.h"
#include "ggml.h"
#include "llama.h"

#define TOOLACE_LLAMA_FUNCTIONS(X)             \
    X(llama_backend_init)                      \
    X(llama_model_default_params)              \
    X(llama_model_load_from_file)              \
    X(llama_model_free)                        \
    X(llama_model_n_ctx_train)                 \
    X(llama_model_get_vocab)                   \
    X(llama_vocab_n_tokens)                    \
    X(llama_model_n_params)                    \
    X(llama_model_desc)                        \
    X(llama_model_save_to_file)                \
    X(llama_context_default_params)            \
    X(llama_init_from_model)                   \
    X(llama_free)                              \
    X(llama_n_ctx)                             \
    X(llama_n_batch)                           \
    X(llama_n_ubatch)                          \
    X(llama_batch_get_one)                     \
    X(llama_decode)                            \
    X(llama_get_memory)                        \
    X(llama_memory_clear)                      \
    X(llama_opt_init)                          \
    X(llama_opt_epoch)                         \
    X(llama_opt_param_filter_all)              \
    X(llama_adapter_lora_init)                 \
    X(llama_adapter_lora_free)                 \
    X(ggml_opt_dataset_init)                   \
    X(ggml_opt_dataset_free)                   \
    X(ggml_opt_dataset_data)                   \
    X(ggml_opt_dataset_labels)                 \
    X(ggml_opt_get_default_optimizer_params)   \
    X(ggml_backend_tensor_get)                 \
    X(ggml_backend_tensor_set)                 \
    X(ggml_backend_tensor_memset)              \
    X(ggml_nbytes)                             \
    X(ggml_backend_buffer_is_host)             \
    X(ggml_backend_reg_by_name)                \
    X(ggml_backend_load_all_from_path)         \
    X(ggml_backend_dev_count)                  \
    X(llama_model_quantize_default_params)     \
    X(llama_model_quantize)                    \
    X(llama_log_get)                           \
    X(llama_log_set)                           \
    X(ggml_init)                               \
    X(ggml_free)                               \
    X(ggml_tensor_overhead)                    \
    X(ggml_graph_overhead)                     \
    X(ggml_new_tensor_2d)                      \
    X(ggml_mul_mat)                            \
    X(ggml_new_graph)                          \
    X(ggml_build_forward_expand)               \
    X(ggml_backend_alloc_ctx_tensors)          \
    X(ggml_backend_buffer_free)                \
    X(ggml_backend_graph_compute)              \
    X(ggml_backend_free)                       \
    X(ggml_backend_dev_by_type)                \
    X(ggml_backend_dev_init)                   \
    X(ggml_backend_dev_backend_reg)            \
    X(ggml_backend_reg_get_proc_address)

struct LlamaApi {
#define TOOLACE_DECLARE_POINTER(name) decltype(&::name) name = nullptr;
    TOOLACE_LLAMA_FUNCTIONS(TOOLACE_DECLARE_POINTER)
#undef TOOLACE_DECLARE_POINTER

    void * handle = nullptr;
    std::string libraryPath;
    bool loadedBackends = false;
    // Version of toolace-r's llama.cpp training patch (native/patches), 0 when the library lacks it:
    // without it attn_k, attn_v and token_embd get no gradient in llama_opt_epoch.
    int32_t trainingPatch = 0;
    // Version of the backward-GEMM patch (native/patches/llama-backward-gemm.diff), 0 without it: mul_mat's
    // gradients then come from ggml_out_prod, several times slower on the CPU.
    int32_t backwardGemmPatch = 0;
    // Version of the GELU backward patch (native/patches/llama-gelu-backward.diff), 0 without it: GELU and GEGLU
    // models (the gemma family...) then abort llama_opt_epoch.
    int32_t geluBackwardPatch = 0;
    // From the outputs patch (native/patches/llama-opt-outputs.diff), nullptr without it: the positions a
    // training step computes logits for.
    void (*llama_opt_toolace_set_outputs)(llama_context * ctx, const uint8_t * outputs, int32_t n) = nullptr;
};

// The resolved functions; valid once attachLlama() succeeded.
extern LlamaApi api;

struct AttachResult {
    std::string libraryPath;
    bool loadedBackends;
    int32_t trainingPatch;
    int32_t backwardGemmPatch;
    bool outputsPatch;
    int32_t geluBackwardPatch;
};

// Finds the libllama loaded in this process (or takes `explicitPath`, which must already be loaded),
// resolves every function of TOOLACE_LLAMA_FUNCTIONS, and loads the ggml backends from the library's
// folder when no CPU backend is registered yet. Idempotent. Throws std::runtime_error.
AttachResult attachLlama(const std::string & explicitPath);

bool isLlamaAttached();
