/**
 * ggml tensor element types as stored in GGUF tensor infos (`enum ggml_type` in ggml/include/ggml.h),
 * with the block size (elements per block) and the bytes per block from ggml's type traits.
 */
export const GgmlType = {
    F32: {id: 0, blockSize: 1, typeSize: 4},
    F16: {id: 1, blockSize: 1, typeSize: 2},
    Q4_0: {id: 2, blockSize: 32, typeSize: 18},
    Q4_1: {id: 3, blockSize: 32, typeSize: 20},
    Q5_0: {id: 6, blockSize: 32, typeSize: 22},
    Q5_1: {id: 7, blockSize: 32, typeSize: 24},
    Q8_0: {id: 8, blockSize: 32, typeSize: 34},
    Q8_1: {id: 9, blockSize: 32, typeSize: 36},
    Q2_K: {id: 10, blockSize: 256, typeSize: 84},
    Q3_K: {id: 11, blockSize: 256, typeSize: 110},
    Q4_K: {id: 12, blockSize: 256, typeSize: 144},
    Q5_K: {id: 13, blockSize: 256, typeSize: 176},
    Q6_K: {id: 14, blockSize: 256, typeSize: 210},
    Q8_K: {id: 15, blockSize: 256, typeSize: 292},
    IQ2_XXS: {id: 16, blockSize: 256, typeSize: 66},
    IQ2_XS: {id: 17, blockSize: 256, typeSize: 74},
    IQ3_XXS: {id: 18, blockSize: 256, typeSize: 98},
    IQ1_S: {id: 19, blockSize: 256, typeSize: 50},
    IQ4_NL: {id: 20, blockSize: 32, typeSize: 18},
    IQ3_S: {id: 21, blockSize: 256, typeSize: 110},
    IQ2_S: {id: 22, blockSize: 256, typeSize: 82},
    IQ4_XS: {id: 23, blockSize: 256, typeSize: 136},
    I8: {id: 24, blockSize: 1, typeSize: 1},
    I16: {id: 25, blockSize: 1, typeSize: 2},
    I32: {id: 26, blockSize: 1, typeSize: 4},
    I64: {id: 27, blockSize: 1, typeSize: 8},
    F64: {id: 28, blockSize: 1, typeSize: 8},
    IQ1_M: {id: 29, blockSize: 256, typeSize: 56},
    BF16: {id: 30, blockSize: 1, typeSize: 2},
    TQ1_0: {id: 34, blockSize: 256, typeSize: 54},
    TQ2_0: {id: 35, blockSize: 256, typeSize: 66},
    MXFP4: {id: 39, blockSize: 32, typeSize: 17},
    NVFP4: {id: 40, blockSize: 64, typeSize: 36},
    Q1_0: {id: 41, blockSize: 128, typeSize: 18},
    Q2_0: {id: 42, blockSize: 64, typeSize: 18}
} as const;

export type GgmlTypeName = keyof typeof GgmlType;

const byId = new Map<number, {name: GgmlTypeName, blockSize: number, typeSize: number}>(
    (Object.entries(GgmlType) as [GgmlTypeName, {id: number, blockSize: number, typeSize: number}][])
        .map(([name, info]) => [info.id, {name, blockSize: info.blockSize, typeSize: info.typeSize}])
);

/** The name, block size and block byte size of a ggml type id, or undefined for an id ggml does not define. */
export function ggmlTypeById(id: number): {name: GgmlTypeName, blockSize: number, typeSize: number} | undefined {
    return byId.get(id);
}
