import type {DomainSpec} from "../ToolSpec.js";

/** Translation, dictionaries and text tools. */
export const languageSpecs: DomainSpec = {
    domain: "language",
    namespace: "lang",
    tools: [
        {
            name: "translate_text",
            description: "Translate text into a target language.",
            action: "translate",
            standalone: "translate some text",
            params: [
                "text: str<phrase> | \"{}\" | Text to translate.",
                "target_language: str<language> | into {} | Language to translate into.",
                "source_language?: str<language> | from {} | Language of the text; detected when omitted.",
                "formality?=default: enum(default,formal,informal) | in a {} register | Formality of the translation."
            ]
        },
        {
            name: "detect_language",
            description: "Detect the language of a text.",
            action: "detect the language of",
            standalone: "detect the language of a text",
            params: ["text: str<phrase> | \"{}\" | Text to analyse."]
        },
        {
            name: "define_word",
            description: "Get dictionary definitions of a word.",
            action: "define the word",
            standalone: "look up a word's definition",
            params: [
                "word: str<word> | \"{}\" | Word to define.",
                "language?=en: str<lang_code> | in the {} dictionary | Dictionary language code.",
                "include_examples?=true: bool | with example sentences / without examples | Whether to add example sentences."
            ]
        },
        {
            name: "find_synonyms",
            description: "List synonyms of a word.",
            action: "find synonyms for",
            standalone: "find synonyms",
            params: [
                "word: str<word> | \"{}\" | The word.",
                "max_results?=10: int[1..50](3..20) | — up to {} of them | Number of synonyms."
            ]
        },
        {
            name: "spell_check",
            description: "Check the spelling and grammar of a text.",
            action: "spell-check",
            standalone: "spell-check a text",
            params: [
                "text: str<message> | \"{}\" | Text to check.",
                "language?=en-US: enum(en-US,en-GB,de-DE,fr-FR,es-ES,pt-PT) | in {} | Language variant."
            ]
        },
        {
            name: "pronounce",
            description: "Get the IPA transcription and an audio link for a word.",
            action: "show me how to pronounce",
            standalone: "get a word's pronunciation",
            params: [
                "word: str<word> | \"{}\" | The word.",
                "accent?=general: enum(general,british,american,australian) | with a {} accent | Accent."
            ]
        },
        {
            name: "summarize_text",
            description: "Summarise a long text into a few sentences.",
            action: "summarise the text at",
            standalone: "summarise a text",
            params: [
                "url: str<url> | {} | Address of the text.",
                "max_sentences?=3: int[1..20](2..8) | in {} sentences | Length of the summary.",
                "style?=neutral: enum(neutral,bullet_points,plain_language) | as {} | Summary style."
            ]
        },
        {
            name: "word_count",
            description: "Count words, characters and sentences in a text.",
            action: "count the words in",
            standalone: "count words in a text",
            params: ["text: str<message> | \"{}\" | Text to count."]
        },
        {
            name: "transliterate",
            description: "Write a text in another script (e.g. Cyrillic to Latin).",
            action: "transliterate",
            standalone: "transliterate a text",
            params: [
                "text: str<phrase> | \"{}\" | Text to transliterate.",
                "to_script: enum(latin,cyrillic,greek,arabic,devanagari) | into the {} script | Target script."
            ]
        }
    ]
};
