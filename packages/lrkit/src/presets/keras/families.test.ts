import { describe, it } from "vitest";
import { expectRegistryEntries } from "../../test/registryEntries.js";
import { kerasFamilies } from "./families.js";
import "../index.js"; // registers the presets, for fromSpec and the text syntax

describe("keras registry entries", () => {
  it("each name its preset, carry an example that builds it, and print back to the same schedule", () => {
    expectRegistryEntries("keras", kerasFamilies);
  });
});
