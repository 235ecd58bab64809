import type {DomainSpec} from "../ToolSpec.js";

/** Conversions, generators, encoders and small everyday helpers. */
export const utilitySpecs: DomainSpec = {
    domain: "utility",
    namespace: "util",
    tools: [
        {
            name: "convert_length",
            description: "Convert a length between units.",
            action: "convert",
            standalone: "convert a length",
            params: [
                "value: num(0.1..10000)/2 | {} | Length to convert.",
                "from_unit: str<unit_length> | {} | Unit of the value.",
                "to_unit: str<unit_length> | to {} | Unit to convert to."
            ]
        },
        {
            name: "convert_temperature",
            description: "Convert a temperature between Celsius, Fahrenheit and Kelvin.",
            action: "convert",
            standalone: "convert a temperature",
            params: [
                "value: num(-40..400)/1 | {} degrees | Temperature to convert.",
                "from_scale: str<unit_temperature> | {} | Scale of the value.",
                "to_scale: str<unit_temperature> | to {} | Scale to convert to."
            ]
        },
        {
            name: "convert_weight",
            description: "Convert a mass between units.",
            action: "convert",
            standalone: "convert a weight",
            params: [
                "amount: num(0.1..5000)/2 | {} | Mass to convert.",
                "from_unit: str<unit_mass> | {} | Unit of the amount.",
                "to_unit: str<unit_mass> | into {} | Unit to convert to."
            ]
        },
        {
            name: "generate_password",
            description: "Generate a random password.",
            action: "generate a password",
            params: [
                "length: int[8..128](10..40) | that is {} characters long | Number of characters.",
                "include_symbols?=true: bool | with symbols / without symbols | Whether to include symbols.",
                "include_numbers?=true: bool | including digits / without digits | Whether to include digits."
            ]
        },
        {
            name: "generate_qr_code",
            description: "Generate a QR code image for a text or URL.",
            action: "make a QR code for",
            standalone: "make a QR code",
            params: [
                "data: str<url> | {} | Content to encode.",
                "size_px?=256: int[64..2048](128..1024) | at {} pixels | Image width and height.",
                "error_correction?=M: enum(L,M,Q,H) | with error correction level {} | Error correction level."
            ]
        },
        {
            name: "base64_encode",
            description: "Encode text as Base64.",
            action: "Base64-encode",
            standalone: "Base64-encode some text",
            params: [
                "text: str<phrase> | \"{}\" | Text to encode.",
                "url_safe?=false: bool | using the URL-safe alphabet / using the standard alphabet | Whether to use the URL-safe alphabet."
            ]
        },
        {
            name: "hash_text",
            description: "Compute a cryptographic hash of a text.",
            action: "hash",
            standalone: "hash a text",
            params: [
                "text: str<phrase> | \"{}\" | Text to hash.",
                "algorithm?=sha256: enum(md5,sha1,sha256,sha512) | with {} | Hash algorithm."
            ]
        },
        {
            name: "random_number",
            description: "Draw random integers in a range.",
            action: "draw random numbers",
            params: [
                "min: int(-100..50) | between {} | Smallest value.",
                "max: int(51..10000) | and {} | Largest value.",
                "count?=1: int[1..100](2..10) | — {} of them | How many numbers.",
                "unique?=false: bool | without repeats / allowing repeats | Whether numbers must differ."
            ]
        },
        {
            name: "shorten_url",
            description: "Create a short link for a URL.",
            action: "shorten",
            standalone: "shorten a URL",
            params: [
                "url: str<url> | {} | Long URL.",
                "custom_alias?: str<alias> | with the alias {} | Custom path for the short link."
            ]
        },
        {
            name: "calculate_tip",
            description: "Calculate the tip and per-person share of a bill.",
            action: "calculate the tip",
            params: [
                "bill_amount: num(5..1500)/2 | on a bill of {} | Total bill.",
                "tip_percent: num(5..30)/1 | at {}% | Tip percentage.",
                "people?=1: int[1..30](2..8) | split between {} people | Number of people sharing."
            ]
        },
        {
            name: "calculate_age",
            description: "Compute a person's age from their birth date.",
            action: "work out the age of someone born on",
            standalone: "compute an age from a birth date",
            params: [
                "birth_date: str<date> | {} | Birth date, YYYY-MM-DD.",
                "on_date?: str<date> | as of {} | Date to compute the age at; today when omitted."
            ]
        },
        {
            name: "uuid_generate",
            description: "Generate one or more random UUIDs.",
            action: "generate UUIDs",
            params: [
                "count?=1: int[1..1000](2..10) | — {} of them | How many UUIDs.",
                "uppercase?=false: bool | in upper case / in lower case | Letter case."
            ]
        }
    ]
};
