/**
 * The command-line options of a benchmark (`npm run bench -- NAME [--json] [--rounds N] ...`):
 * flags, numbers and strings by name, with defaults, and errors that say which option is wrong.
 */
export class BenchArgs {
    public constructor(private readonly argv: readonly string[]) {}

    /** Whether `--name` is present (and not negated by `--no-name`). */
    public flag(name: string): boolean {
        return this.argv.includes(`--${name}`) && !this.argv.includes(`--no-${name}`);
    }

    /** `--name N`: a finite number of at least `min`, or `fallback` when absent. */
    public number(name: string, fallback: number, min = 0): number {
        const text = this.string(name);
        if (text === undefined) return fallback;
        const value = Number(text);
        if (text.trim() === "" || !Number.isFinite(value) || value < min) throw new Error(`--${name} must be a number of at least ${min} (got "${text}")`);
        return value;
    }

    /** `--name VALUE`, or `fallback` when absent. */
    public string(name: string): string | undefined;
    public string(name: string, fallback: string): string;
    public string(name: string, fallback?: string): string | undefined {
        const index = this.argv.indexOf(`--${name}`);
        if (index < 0) return fallback;
        const value = this.argv[index + 1];
        if (value === undefined || value.startsWith("--")) throw new Error(`--${name} needs a value`);
        return value;
    }
}
