import { describe, expect, it } from "vitest";
import { parseSchedule } from "../../spec/parse.js";
import { entriesIn } from "../../spec/registry.js";
import * as entries from "./families.js";
import "../index.js"; // registers the presets, for fromSpec and the text syntax

const timmEntries = entriesIn(entries);
describe("timm registry entries", () => {
  it("cover the five schedulers of timm/scheduler/__init__.py with a schedule of the step", () => {
    expect(timmEntries.map((f) => f.type)).toEqual([
      "timm.CosineLRScheduler",
      "timm.MultiStepLRScheduler",
      "timm.PolyLRScheduler",
      "timm.StepLRScheduler",
      "timm.TanhLRScheduler",
    ]);
  });

  it("each have an example in the text syntax that builds their own type", () => {
    for (const family of timmEntries) {
      const s = parseSchedule(family.example!);
      expect(s.spec.type).toBe(family.type);
      for (let t = 0; t < 60; t++) expect(Number.isFinite(s(t))).toBe(true);
    }
  });
});
