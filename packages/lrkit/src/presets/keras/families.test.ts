import { describe, expect, it } from "vitest";
import { sample } from "../../schedule.js";
import { fromSpec } from "../../spec/fromSpec.js";
import { parseSchedule } from "../../spec/parse.js";
import { toText } from "../../spec/text.js";
import { kerasFamilies } from "./families.js";

describe("keras registry entries", () => {
  it("each name its preset, carry an example that builds it, and print back to the same schedule", () => {
    expect(kerasFamilies.length).toBeGreaterThan(0);
    for (const family of kerasFamilies) {
      expect(family.type.startsWith("keras.")).toBe(true);
      expect(family.example, `${family.type} has an example`).toBeTruthy();
      const s = parseSchedule(family.example!);
      expect(s.spec.type).toBe(family.type);
      const values = Array.from(sample(s, 60));
      expect(
        values.every((v) => Number.isFinite(v) && v >= 0),
        family.type,
      ).toBe(true);
      expect(Array.from(sample(parseSchedule(toText(s.spec)), 60))).toEqual(values);
      expect(Array.from(sample(fromSpec(JSON.parse(JSON.stringify(s.spec))), 60))).toEqual(values);
      for (const [name, schema] of Object.entries(family.params.shape)) {
        expect(schema.description, `${family.type}.${name} has help`).toBeTruthy();
      }
    }
  });
});
