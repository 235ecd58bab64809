/**
 * The phrasings requests are assembled from (written for this project). `{a}` is the action
 * with its mentions.
 */
export const requestPhrases = {
    questions: [
        "Can you {a}?", "Could you {a}?", "Could you please {a}?", "Would you {a}?", "Can you help me {a}?",
        "Is it possible to {a}?", "Would you mind helping me {a}?", "Can I ask you to {a}?", "Could you quickly {a}?",
        "Hey, can you {a}?", "Any chance you could {a}?"
    ],
    statements: [
        "Please {a}.", "I need you to {a}.", "I'd like to {a}.", "I want to {a}.", "Help me {a}.", "{a}.", "{a}, please.",
        "Go ahead and {a}.", "I need to {a}.", "Let's {a}.", "Kindly {a}.", "I'm hoping you can {a}.", "My request: {a}.",
        "I would like you to {a}.", "Try to {a}."
    ],
    prefixes: ["Hi!", "Hello.", "Hey there.", "Quick request.", "Good morning!", "One more thing.", "Hi, hope you're well."],
    suffixes: ["Thanks!", "Thank you.", "Appreciate it.", "Cheers.", "Thanks in advance."],
    detailIntros: ["Details: {p}.", "Use {p}.", "Here are the details: {p}.", "Parameters: {p}.", "Use these values: {p}.", "Info you'll need: {p}."],
    connectors: ["Also,", "Then", "After that,", "Additionally,", "And", "On top of that,", "Next,"],
    manyIntros: ["I have a few requests:", "Please handle these:", "A couple of things:", "Can you do the following?", "Several tasks for you:"],
    repeatIntros: ["for each of the following:", "for each of these:", "for all of these:"],
    systems: [
        "You are a helpful assistant with access to tools. Call a tool when it helps answer the user.",
        "You are an assistant that can call functions. Use them when needed and answer briefly otherwise.",
        "You are a precise assistant. When a tool fits the request, call it with exactly the values the user gave.",
        "You help users by calling the provided functions. If no function fits, say so.",
        "You are a tool-using assistant. Prefer calling tools over guessing."
    ],
    refusals: [
        "None of the available tools can {a}.",
        "I'm sorry, but none of the available tools can {a}.",
        "I can't do that with the tools I have: none of them can {a}.",
        "Unfortunately, none of the provided functions can {a}.",
        "None of the tools available here can {a}, so I can't help with that directly."
    ]
};
