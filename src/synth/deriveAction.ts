/** Verbs an action phrase may start with (base form). */
const verbs = new Set([
    "add", "analyze", "analyse", "apply", "approve", "archive", "assign", "book", "browse", "buy", "calculate", "cancel",
    "change", "check", "classify", "compare", "compute", "convert", "count", "create", "decode", "delete", "detect",
    "determine", "download", "draft", "edit", "encode", "estimate", "evaluate", "explain", "export", "extract", "fetch",
    "filter", "find", "forecast", "format", "generate", "get", "identify", "import", "list", "locate", "log", "look",
    "lookup", "manage", "measure", "merge", "modify", "monitor", "notify", "obtain", "open", "order", "parse", "pay",
    "place", "play", "post", "predict", "provide", "publish", "query", "rank", "rate", "read", "recommend", "record",
    "register", "remove", "rename", "reserve", "reset", "resize", "retrieve", "return", "review", "run", "save",
    "scan", "schedule", "search", "send", "set", "share", "show", "simulate", "solve", "sort", "split", "start",
    "stop", "submit", "suggest", "summarize", "summarise", "track", "transfer", "translate", "update", "upload",
    "validate", "verify", "view", "visualize", "write", "reschedule", "request", "give", "make", "plan", "evaluate", "offer", "allow",
    "synchronize", "synchronise", "sync", "subscribe", "unsubscribe", "invite", "follow", "unfollow", "like", "upvote", "vote",
    "authenticate", "login", "logout", "refresh", "enable", "disable", "mark", "flag", "block", "unblock", "attach", "detach",
    "reject", "rent", "sell", "donate", "deposit", "withdraw", "enroll", "calculate", "check", "store", "load", "deliver",
    "assess", "diagnose", "prescribe", "match", "lock", "unlock", "turn", "control", "adjust", "configure", "install",
    "uninstall", "launch", "deploy", "tag", "label", "rank", "convert", "recognize", "recognise", "transcribe", "shorten",
    "expand", "resolve", "ping", "trace", "capture", "print", "render", "draw", "compose", "design", "fill", "sign", "issue"
]);

const irregular: Readonly<Record<string, string>> = {
    retrieving: "retrieve", getting: "get", setting: "set", making: "make", scheduling: "schedule", calculating: "calculate",
    creating: "create", providing: "provide", managing: "manage", generating: "generate", analyzing: "analyze",
    updating: "update", estimating: "estimate", comparing: "compare", computing: "compute", sharing: "share",
    writing: "write", running: "run", planning: "plan", shopping: "shop", saving: "save", reserving: "reserve",
    validating: "validate", removing: "remove", translating: "translate", locating: "locate", determining: "determine"
};

function baseForm(word: string): string {
    const lower = word.toLowerCase();
    if (Object.hasOwn(irregular, lower)) return irregular[lower] as string;
    if (verbs.has(lower)) return lower;
    if (lower.endsWith("ies") && verbs.has(lower.slice(0, -3) + "y")) return lower.slice(0, -3) + "y";
    if (lower.endsWith("es") && verbs.has(lower.slice(0, -2))) return lower.slice(0, -2);
    if (lower.endsWith("s") && verbs.has(lower.slice(0, -1))) return lower.slice(0, -1);
    if (lower.endsWith("ing") && verbs.has(lower.slice(0, -3))) return lower.slice(0, -3);
    return lower;
}

/**
 * An imperative phrase for what a tool does, from its description ("Searches for recipes by
 * ingredient." → "search for recipes by ingredient"; "API for retrieving X" → "retrieve X").
 * `fluent` says whether the phrase starts with a verb; otherwise it is "use NAME" (or "look up
 * ..." for a noun phrase).
 */
export function deriveAction(description: string, name: string): {action: string, fluent: boolean} {
    let text = description.replace(/\s+/g, " ").trim();
    const sentence = /^(.+?[a-z0-9)\]])[.!?](\s|$)/.exec(text);
    if (sentence !== null) text = sentence[1] as string;
    text = text.replace(/^(this |the |an? )?(api|tool|function|endpoint|service|method)\b( that| which| used to| used for| to| for| is used to| can)?\s+/i, "");
    text = text.replace(/[.:;,\s]+$/, "");
    const words = text.split(" ");
    const first = words[0] ?? "";
    const base = baseForm(first);
    if (text.length >= 6 && text.length <= 160 && verbs.has(base)) {
        const rest = words.slice(1).join(" ");
        return {action: rest === "" ? base : `${base} ${rest}`, fluent: true};
    }
    if (text.length >= 6 && text.length <= 120 && /^[A-Za-z]/.test(text))
        return {action: `look up ${/^[A-Z][a-z]/.test(first) ? first.toLowerCase() + text.slice(first.length) : text}`, fluent: false};
    return {action: `use ${name}`, fluent: false};
}
