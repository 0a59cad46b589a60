import { fromSpec, parseText, registry, sample, type ScheduleSpec } from "lrkit";
import "lrkit/presets"; // registers the presets, for fromSpec and the text syntax
import { describe, expect, it } from "vitest";
import {
  fieldForPath,
  fieldPaths,
  fieldsOfType,
  formFromSpec,
  newForm,
  specFromForm,
  withDefaults,
  type FormNode,
} from "./form.js";

const types = [...registry.keys()];
const STEPS = 120;

/** The values of a spec's schedule, to compare two specs that differ only in spelled-out defaults. */
const values = (spec: ScheduleSpec) => Array.from(sample(fromSpec(spec), STEPS));

describe("the form of every registered type", () => {
  it.each(types)("%s: a new form reads back as the type's example, and fromSpec accepts it", (type) => {
    const example = parseText(registry.get(type)!.example).spec;
    const { spec, errors } = specFromForm(newForm(type));
    expect(errors).toEqual([]);
    expect(spec).toEqual(example);
    expect(() => fromSpec(spec)).not.toThrow();
  });

  it.each(types)("%s: filling every empty field with its default gives the same schedule", (type) => {
    const example = parseText(registry.get(type)!.example).spec;
    const { spec, errors } = specFromForm(withDefaults(newForm(type)));
    expect(errors).toEqual([]);
    // Every parameter with a default is now spelled out...
    for (const f of fieldsOfType(type)!) if (f.default !== undefined) expect(spec).toHaveProperty(f.name);
    // ...and the schedule is the same (NaN-safe comparison of the values).
    expect(values(spec)).toEqual(values(example));
  });
});

describe("fieldsOfType", () => {
  it("lists a type's parameters in its registry entry's positional order, with the schema's help", () => {
    // Keras' signature without `name` (keras/src/optimizers/schedules/learning_rate_schedule.py).
    expect(fieldsOfType("keras.CosineDecay")!.map((f) => f.name)).toEqual([
      "initial_learning_rate",
      "decay_steps",
      "alpha",
      "warmup_target",
      "warmup_steps",
    ]);
    const minLr = fieldsOfType("cosine")!.find((f) => f.name === "minLr")!;
    expect([minLr.help, minLr.default]).toEqual(["The learning rate at the horizon. Defaults to 0.", 0]);
  });
});

describe("formFromSpec and specFromForm", () => {
  it("show a spec's values as the text of its fields, nested schedules as nested forms", () => {
    const form = formFromSpec(parseText("warmup(cosine(lr=0.3, steps=25), steps=5, mode=cosine)").spec)!;
    expect(form.type).toBe("warmup");
    expect(form.values.steps).toEqual({ kind: "text", text: "5" });
    expect(form.values.from).toEqual({ kind: "text", text: "" });
    expect(form.values.mode).toEqual({ kind: "text", text: "cosine" });
    const inner = form.values.schedule!;
    expect(inner.kind === "schedule" && inner.node.values.lr).toEqual({ kind: "text", text: "0.3" });
  });

  it("write lists as numbers separated by commas and read them back", () => {
    const form = formFromSpec({ type: "multiStep", lr: 0.5, milestones: [15, 30], gamma: 0.5 })!;
    expect(form.values.milestones).toEqual({ kind: "text", text: "15, 30" });
    form.values.milestones = { kind: "text", text: "10, 20 ,40" };
    expect(specFromForm(form).spec).toEqual({
      type: "multiStep",
      lr: 0.5,
      milestones: [10, 20, 40],
      gamma: 0.5,
    });
  });

  it("leave an emptied field out of the spec (its default applies)", () => {
    const form = newForm("cosine");
    form.values.minLr = { kind: "text", text: "  " };
    expect(specFromForm(form).spec).toEqual({ type: "cosine", lr: 0.3, steps: 20 });
  });

  it("name the path of a field that cannot be read, and leave it out", () => {
    const form = newForm("warmup");
    const inner = form.values.schedule as { kind: "schedule"; node: FormNode };
    inner.node.values.lr = { kind: "text", text: "0.3x" };
    const { spec, errors } = specFromForm(form);
    expect(errors).toEqual([
      { path: "$.schedule.lr", message: 'expected a number such as 0.1 or 1e-4, got "0.3x"' },
    ]);
    expect(spec.schedule).toEqual({ type: "cosine", steps: 25, minLr: 0.01 });
  });

  it("keep parameters the type does not know, so that fromSpec can name them", () => {
    const spec = { type: "constant", lr: 0.1, lrr: 2 } as ScheduleSpec;
    expect(specFromForm(formFromSpec(spec)!).spec).toEqual(spec);
    expect(() => fromSpec(specFromForm(formFromSpec(spec)!).spec)).toThrow(/unknown parameter "lrr"/);
  });

  it("show a nested spec of an unknown type as text", () => {
    const form = formFromSpec({ type: "warmup", schedule: { type: "nope" }, steps: 5 })!;
    expect(form.values.schedule).toEqual({ kind: "text", text: "nope()" });
  });

  it("return undefined for an unknown type", () => {
    expect(formFromSpec({ type: "nope" })).toBeUndefined();
  });

  it("keep mappings, booleans and strings exact", () => {
    const text = 'hf.get_scheduler("cosine_with_min_lr", 5e-5, 5, 50, {min_lr: 1e-6})';
    const spec = parseText(text).spec;
    const form = formFromSpec(spec)!;
    expect(form.values.scheduler_specific_kwargs).toEqual({ kind: "text", text: "{min_lr: 0.000001}" });
    expect(specFromForm(form).spec).toEqual(spec);
    const timm = parseText("timm.PolyLRScheduler(0.1, 25, warmup_prefix=True)").spec;
    expect(formFromSpec(timm)!.values.warmup_prefix).toEqual({ kind: "text", text: "true" });
    expect(specFromForm(formFromSpec(timm)!).spec).toEqual(timm);
  });
});

describe("fieldForPath", () => {
  it("finds the field of an error path, or its nearest ancestor field", () => {
    const paths = fieldPaths(newForm("join"));
    expect(paths.has("$.schedules[1].steps")).toBe(true);
    expect(fieldForPath("$.schedules[1].steps", paths)).toBe("$.schedules[1].steps");
    expect(fieldForPath("$.boundaries[0]", paths)).toBe("$.boundaries");
    expect(fieldForPath("$.nothing.here", paths)).toBe("$");
  });
});
