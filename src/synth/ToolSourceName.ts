/** Where a pool tool comes from. */
export type ToolSourceName = "generated" | "glaive" | "reason" | "api-bank" | "toolalpaca" | "toolalpaca-catalog";
