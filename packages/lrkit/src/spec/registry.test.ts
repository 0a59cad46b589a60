import { describe, expect, it } from "vitest";
import { cosineFamily } from "../families/cosine.js";
import { expectThrow } from "../test/expect.js";
import { fromSpec } from "./fromSpec.js";
import { parseSchedule } from "./parse.js";
import { registerFamilies, registry } from "./registry.js";
import { SpecError } from "./specError.js";

// This file imports lrkit/presets only part-way through: before, the registry holds the core
// families and combinators alone, as in an app that never imports the presets.

describe("the registry", () => {
  it("knows the anchors' presets once lrkit/presets is imported, and says so before", async () => {
    const spec = { type: "optax.cosine_decay_schedule", init_value: 0.1, decay_steps: 10 };
    expect(registry.has("cosine")).toBe(true);
    expect(registry.has(spec.type)).toBe(false);
    const hint = `(the anchors' presets are known once "lrkit/presets" is imported)`;
    expectThrow(
      () => fromSpec(spec),
      SpecError,
      `spec error at $.type: unknown schedule type "optax.cosine_decay_schedule" ${hint}`,
    );
    expect(() => parseSchedule("optax.cosine_decay_schedule(0.1, 10)")).toThrow(
      `Unknown schedule type "optax.cosine_decay_schedule" ${hint}`,
    );

    const { optax } = await import("../presets/index.js");
    expect(registry.has(spec.type)).toBe(true);
    const preset = optax.cosine_decay_schedule({ init_value: 0.1, decay_steps: 10 });
    const parsed = parseSchedule("optax.cosine_decay_schedule(0.1, 10)");
    for (let t = 0; t <= 12; t++) {
      expect(fromSpec(spec)(t)).toBe(preset(t));
      expect(parsed(t)).toBe(preset(t));
    }
    // A typo within a registered anchor is an unknown name, not a missing import.
    expectThrow(
      () => fromSpec({ type: "optax.cosine_decay" }),
      SpecError,
      'spec error at $.type: unknown schedule type "optax.cosine_decay" (`lrkit types` lists them)',
    );
  });

  it("registers a family once, and refuses another entry under a taken type", () => {
    const mine = { ...cosineFamily, type: "mine.cosine" };
    registerFamilies([mine]);
    registerFamilies([mine]);
    expect(fromSpec({ type: "mine.cosine", lr: 1, steps: 2 })(1)).toBe(0.5);
    expectThrow(
      () => registerFamilies([{ ...cosineFamily }]),
      TypeError,
      'registerFamilies: the type "cosine" is already registered',
    );
  });
});
