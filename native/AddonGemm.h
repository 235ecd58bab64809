// measureGemm({m, n, k, threads, repeats}): the CPU backend's F32 matrix product rate, on a pool thread.
#pragma once

#include <napi.h>

// Resolves to {flops, ms: number[]}: `repeats` timed products C[m×n] = A[k×m]ᵀ·B[k×n] (2·m·n·k floating
// point operations each) after one untimed warm-up, through ggml's CPU backend with `threads`
// threads: the rate the trainer's own matrix products can reach on this machine.
Napi::Value MeasureGemm(const Napi::CallbackInfo & info);
