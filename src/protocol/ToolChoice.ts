/** OpenAI `tool_choice`: may the model answer in text (`auto`), must it call (`required`, or a named function), or may it not call (`none`). */
export type ToolChoice = "auto" | "none" | "required" | {type: "function", function: {name: string}};
