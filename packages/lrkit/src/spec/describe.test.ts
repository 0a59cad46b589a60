import { registry } from "./registry.js";
import { describe, expect, it } from "vitest";
import * as v from "valibot";
import { describeParam, describeParams } from "./describe.js";
import "../presets/index.js"; // registers the presets, for fromSpec and the text syntax

describe("describeParams", () => {
  it("lists the parameters of a family in their positional order, with kinds, defaults and help", () => {
    const fields = describeParams(registry.get("cosine")!);
    expect(fields.map((f) => f.name)).toEqual(["lr", "steps", "minLr", "after", "exponent", "k"]);
    const [lr, steps, minLr, after] = fields;
    expect(lr).toMatchObject({ kind: "number", required: true });
    expect(lr!.help).toMatch(/learning rate/i);
    expect(steps).toMatchObject({ name: "steps", required: true });
    expect(minLr).toMatchObject({ kind: "number", required: false, default: 0 });
    expect(after).toMatchObject({ kind: "enum", options: ["hold", "periodic"], default: "hold" });
  });

  it("tells integers from numbers by asking the schema", () => {
    const fields = describeParams(registry.get("step")!);
    expect(fields.find((f) => f.name === "stepSize")!.kind).toBe("number");
    expect(describeParam("n", v.pipe(v.number(), v.integer())).kind).toBe("integer");
    expect(describeParams(registry.get("oneCycle")!).find((f) => f.name === "steps")!.kind).toBe("integer");
  });

  it("gives combinators nested schedule fields", () => {
    expect(describeParams(registry.get("warmup")!).map((f) => [f.name, f.kind])).toEqual([
      ["schedule", "schedule"],
      ["steps", "number"],
      ["from", "number"],
      ["startRatio", "number"],
      ["mode", "enum"],
      ["includeInHorizon", "boolean"],
    ]);
    expect(describeParams(registry.get("join")!).map((f) => f.kind)).toEqual(["schedules", "numbers"]);
  });

  it("falls back to a JSON field for mappings, unions and lists of objects", () => {
    const kind = (type: string, name: string) =>
      describeParams(registry.get(type)!).find((f) => f.name === name)!.kind;
    expect(kind("optax.piecewise_constant_schedule", "boundaries_and_scales")).toBe("json");
    expect(kind("timm.StepLRScheduler", "noise_range_t")).toBe("json");
    expect(kind("optax.sgdr_schedule", "cosine_kwargs")).toBe("json");
    expect(kind("formula", "expr")).toBe("string");
  });

  it("says which parameters also take null (Python's None) and which do not", () => {
    const field = (type: string, name: string) =>
      describeParams(registry.get(type)!).find((f) => f.name === name)!;
    expect(field("optax.exponential_decay", "end_value")).toMatchObject({ required: false, nullable: true });
    expect(field("timm.StepLRScheduler", "noise_range_t").nullable).toBe(true);
    expect(field("optax.exponential_decay", "decay_rate").nullable).toBeUndefined();
    expect(describeParam("x", v.nullable(v.number())).nullable).toBe(true);
  });

  it("gives every parameter of every registered type a help text", () => {
    const missing = [...registry.values()].flatMap((f) =>
      describeParams(f)
        .filter((x) => x.help === "")
        .map((x) => `${f.type}.${x.name}`),
    );
    expect(missing).toEqual([]);
  });
});
