import { describe, it } from "vitest";
import { expectRegistryEntries } from "../../test/registryEntries.js";
import { entriesIn } from "../../spec/registry.js";
import * as entries from "./families.js";
import "../index.js"; // registers the presets, for fromSpec and the text syntax

const optaxEntries = entriesIn(entries);
describe("optax registry entries", () => {
  it("each name its preset, carry an example that builds it, and print back to the same schedule", () => {
    expectRegistryEntries("optax", optaxEntries);
  });
});
