// quantize(input, output, {type, threads, allowRequantize}): llama_model_quantize on a pool thread.
#pragma once

#include <napi.h>

// Resolves once `output` is written; rejects with llama.cpp's own error message when it fails.
// `type`: f32 (every tensor F32: dequantizes), f16, q8_0, q4_0 or q4_k_m.
Napi::Value Quantize(const Napi::CallbackInfo & info);
