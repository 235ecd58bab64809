import {suite} from "uvu";
import * as assert from "uvu/assert";
import {deriveAction} from "../../src/synth/deriveAction.js";

const t = suite("deriveAction");

t("turns descriptions into imperative phrases", () => {
    assert.equal(deriveAction("Search for hiking trails near a town", "x"), {action: "search for hiking trails near a town", fluent: true});
    assert.equal(deriveAction("Retrieves the opening hours of a museum. Needs the museum ID.", "x"), {action: "retrieve the opening hours of a museum", fluent: true});
    assert.equal(deriveAction("API for retrieving tide tables for a harbour.", "x"), {action: "retrieve tide tables for a harbour", fluent: true});
    assert.equal(deriveAction("Fetches the lunch menu.", "x"), {action: "fetch the lunch menu", fluent: true});
});

t("falls back to looking something up, or to the tool name", () => {
    assert.equal(deriveAction("Ferry timetables for the northern islands", "x"), {action: "look up ferry timetables for the northern islands", fluent: false});
    assert.equal(deriveAction("", "CountryInfo"), {action: "use CountryInfo", fluent: false});
});

t.run();
