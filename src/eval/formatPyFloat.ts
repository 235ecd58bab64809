/**
 * Python `repr(float)`: the shortest digits that round-trip, fixed notation when the decimal
 * exponent lies in [-4, 16), otherwise `1e+16` / `1e-05`; always a `.0` on integral values.
 */
export function formatPyFloat(x: number): string {
    if (Number.isNaN(x)) return "nan";
    if (x === Infinity) return "inf";
    if (x === -Infinity) return "-inf";
    if (x === 0) return Object.is(x, -0) ? "-0.0" : "0.0";
    const sign = x < 0 ? "-" : "";
    const match = /^(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(Math.abs(x).toExponential());
    if (match === null) throw new Error(`unexpected exponential form of ${x}`);
    const digits = (match[1] ?? "") + (match[2] ?? "");
    const exponent = Number(match[3]);
    const decpt = exponent + 1;
    if (decpt > -4 && decpt <= 16) {
        if (decpt <= 0) return `${sign}0.${"0".repeat(-decpt)}${digits}`;
        if (decpt >= digits.length) return `${sign}${digits}${"0".repeat(decpt - digits.length)}.0`;
        return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
    }
    const mantissa = digits.length === 1 ? digits : `${digits[0]}.${digits.slice(1)}`;
    const expSign = exponent < 0 ? "-" : "+";
    return `${sign}${mantissa}e${expSign}${String(Math.abs(exponent)).padStart(2, "0")}`;
}
