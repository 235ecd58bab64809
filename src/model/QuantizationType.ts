/** GGUF file types `model quantize` writes: f32 (every tensor F32, i.e. dequantized), f16, q8_0, q4_0, q4_k_m. */
export type QuantizationType = "f32" | "f16" | "q8_0" | "q4_0" | "q4_k_m";

/** Every QuantizationType, in help order. */
export const quantizationTypes: readonly QuantizationType[] = ["q8_0", "q4_k_m", "q4_0", "f16", "f32"];
