/**
 * The named rules of one GBNF grammar (llama.cpp dialect), collected while compiling one or more
 * tools. `add` returns the rule's name: a rule whose body is already present is not added again
 * (its existing name is returned), and names are made unique and llama.cpp-valid (letters,
 * digits and dashes). `root` is reserved for `render`.
 */
export class GbnfRuleSet {
    private readonly bodyByName = new Map<string, string>();
    private readonly nameByBody = new Map<string, string>();

    /** Adds a rule `name ::= body` (name derived from `nameHint`) and returns the name to reference. */
    public add(nameHint: string, body: string): string {
        if (body.trim() === "") throw new Error("a GBNF rule body must not be empty");
        const existing = this.nameByBody.get(body);
        if (existing !== undefined) return existing;
        const base = GbnfRuleSet.sanitizeName(nameHint);
        let name = base;
        for (let n = 2; this.bodyByName.has(name) || name === "root"; n++) name = `${base}-${n}`;
        this.bodyByName.set(name, body);
        this.nameByBody.set(body, name);
        return name;
    }

    /** The body of a rule added before, if any. */
    public get(name: string): string | undefined {
        return this.bodyByName.get(name);
    }

    public get size(): number {
        return this.bodyByName.size;
    }

    /** The whole grammar: `root ::= rootExpression` followed by every rule, one per line. */
    public render(rootExpression: string): string {
        const lines = [`root ::= ${rootExpression}`];
        for (const [name, body] of this.bodyByName) lines.push(`${name} ::= ${body}`);
        return lines.join("\n") + "\n";
    }

    /** A llama.cpp-valid rule name (`[A-Za-z0-9-]+`) resembling `hint`. */
    public static sanitizeName(hint: string): string {
        const name = hint.replace(/[^A-Za-z0-9-]+/g, "-").replace(/-{2,}/g, "-").replace(/^-+|-+$/g, "").slice(0, 80).replace(/-+$/, "");
        return name === "" ? "rule" : name;
    }
}
