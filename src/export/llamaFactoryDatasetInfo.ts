/** One entry of LLaMA-Factory's `data/dataset_info.json`. */
export interface LlamaFactoryDatasetEntry {
    file_name: string;
    formatting: "sharegpt";
    columns: {messages: string, system: string, tools: string};
    tags: {role_tag: string, content_tag: string, user_tag: string, assistant_tag: string, observation_tag: string, function_tag: string, system_tag: string};
}

/**
 * The `dataset_info.json` entry that makes LLaMA-Factory read a toShareGpt export: sharegpt
 * formatting, the `conversations`, `system` and `tools` columns, and its tags spelled out
 * (from/value, human, gpt, observation, function_call, system). Merge it into the
 * `dataset_info.json` of the folder given as `dataset_dir` and name the dataset in the config.
 */
export function llamaFactoryDatasetInfo(name: string, fileName: string): Record<string, LlamaFactoryDatasetEntry> {
    return {
        [name]: {
            file_name: fileName,
            formatting: "sharegpt",
            columns: {messages: "conversations", system: "system", tools: "tools"},
            tags: {
                role_tag: "from", content_tag: "value", user_tag: "human", assistant_tag: "gpt",
                observation_tag: "observation", function_tag: "function_call", system_tag: "system"
            }
        }
    };
}
