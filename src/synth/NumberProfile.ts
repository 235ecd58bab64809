/** How to draw a number: inclusive range and decimal places (0 for integral values). */
export interface NumberProfile {
    min: number;
    max: number;
    decimals: number;
}
