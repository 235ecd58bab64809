import formatsModule from "ajv-formats/dist/formats.js";

type FormatDefinition = RegExp | ((value: string) => boolean) | {validate: RegExp | ((value: string) => boolean)} | boolean | {type: string};

/** ajv-formats is CommonJS: its exports sit on the default export under Node's ESM interop. */
const fullFormats = ((formatsModule as unknown as {default?: {fullFormats: Record<string, FormatDefinition>}}).default
    ?? (formatsModule as unknown as {fullFormats: Record<string, FormatDefinition>})).fullFormats;

function check(definition: FormatDefinition | undefined): (value: string) => boolean {
    if (definition instanceof RegExp) return (value) => definition.test(value);
    if (typeof definition === "function") return definition;
    if (typeof definition === "object" && "validate" in definition) return check(definition.validate);
    return () => true;
}

/** Checks of string formats, ajv-formats' full mode (the same the original-schema validator uses), by format name. */
export const formatChecks: Readonly<Record<string, (value: string) => boolean>> =
    Object.fromEntries(Object.entries(fullFormats).map(([name, definition]) => [name, check(definition)]));
