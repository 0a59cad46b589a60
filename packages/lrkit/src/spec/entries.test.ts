import { describe, expect, it } from "vitest";
import { toKeras } from "../export/keras.js";
import { toOptax } from "../export/optax.js";
import { toPyTorch } from "../export/pytorch.js";
import { cosineFamily } from "../families/cosine.js";
import { presetFamilies } from "../presets/index.js";
import { missingParts } from "../test/missingParts.js";
import { expectSame } from "../test/roundTrip.js";
import type { Family } from "./family.js";
import { fromSpec } from "./fromSpec.js";
import { parseSchedule } from "./parse.js";
import { registry } from "./registry.js";

describe("every registry entry", () => {
  it("has every part: type, summary, example, params, positional order, factory, and closed form, lint facts and natives, or a preset's anchor and its own call", () => {
    expect(registry.size).toBeGreaterThan(80);
    for (const family of registry.values()) expect(missingParts(family), family.type).toEqual([]);
  });

  it("names what an entry lacks", () => {
    const { closedForm: _form, ...rest } = cosineFamily;
    const broken = { ...rest, positional: ["lr", "lr", "nope"], lint: { counts: ["stepz"] } };
    expect(missingParts(broken as unknown as Family)).toEqual([
      'positional: "nope" is not a parameter',
      "positional: a parameter is listed twice",
      "closedForm",
      'lint.counts: "stepz" is not a parameter',
    ]);
    const preset = registry.get("optax.cosine_decay_schedule")!;
    expect(missingParts({ ...preset, preset: { anchor: "optax" } } as Family)).toEqual([
      "preset.native.optax",
    ]);
  });

  it("takes positional arguments in its explicit positional order", () => {
    expect(cosineFamily.positional.slice(0, 3)).toEqual(["lr", "steps", "minLr"]);
    expect(parseSchedule("cosine(0.3, 20, 0.01)").spec).toEqual({
      type: "cosine",
      lr: 0.3,
      steps: 20,
      minLr: 0.01,
    });
    expect(parseSchedule("keras.CosineDecay(0.1, 50, 0.1, 0.2, 5)").spec).toEqual({
      type: "keras.CosineDecay",
      initial_learning_rate: 0.1,
      decay_steps: 50,
      alpha: 0.1,
      warmup_target: 0.2,
      warmup_steps: 5,
    });
  });
});

describe("a preset's core composition", () => {
  it("gives the preset's values, and is rebuilt with it from its spec", () => {
    let cores = 0;
    for (const family of presetFamilies) {
      const s = parseSchedule(family.example);
      if (s.core === undefined) continue;
      cores++;
      expectSame(fromSpec(s.core), s, 80);
      expect(fromSpec(JSON.parse(JSON.stringify(s.spec))).core, family.type).toEqual(s.core);
    }
    expect(cores).toBeGreaterThan(20);
  });

  it("is what d2l's CosineScheduler is: a warmup of a cosine", () => {
    const s = parseSchedule("d2l.CosineScheduler(max_update=20, base_lr=0.3, final_lr=0.01, warmup_steps=5)");
    expect(s.core).toEqual({
      type: "warmup",
      schedule: { type: "cosine", lr: 0.3, steps: 15, minLr: 0.01, after: "hold" },
      steps: 5,
      from: 0,
      mode: "linear",
    });
  });
});

describe("exporting an anchor's preset to the anchor's own framework", () => {
  it("prints the one-line call of Optax (Optax's signature: optax/schedules/_schedule.py)", () => {
    const s = parseSchedule(
      "optax.warmup_cosine_decay_schedule(0.0, 0.1, warmup_steps=5, decay_steps=50, end_value=0.001)",
    );
    expect(toOptax(s)).toContain(
      "\nschedule = optax.warmup_cosine_decay_schedule(init_value=0, peak_value=0.1, warmup_steps=5, decay_steps=50, end_value=0.001)\n",
    );
    expect(toOptax(parseSchedule("optax.piecewise_constant_schedule(0.1, {30: 0.1, 60: 0.5})"))).toContain(
      "\nschedule = optax.piecewise_constant_schedule(init_value=0.1, boundaries_and_scales={30: 0.1, 60: 0.5})\n",
    );
  });

  it("prints the one-line call of Keras (keras/src/optimizers/schedules/learning_rate_schedule.py)", () => {
    const s = parseSchedule("keras.CosineDecayRestarts(0.1, 10, t_mul=2.0)");
    expect(toKeras(s)).toContain(
      "\nschedule = keras.optimizers.schedules.CosineDecayRestarts(initial_learning_rate=0.1, first_decay_steps=10, t_mul=2)\n",
    );
  });

  it("prints Hugging Face's own function on a torch optimizer (transformers/optimization.py)", () => {
    const script = toPyTorch(parseSchedule("hf.get_linear_schedule_with_warmup(0.1, 5, 30)"));
    expect(script).toContain("\nimport transformers\n");
    expect(script).toContain("\noptimizer = torch.optim.SGD(params, lr=0.1)\n");
    expect(script).toContain(
      "\nscheduler = transformers.get_linear_schedule_with_warmup(optimizer=optimizer, num_warmup_steps=5, num_training_steps=30)\n",
    );
  });

  it("prints timm's own scheduler on a torch optimizer, stepped per epoch as timm's train.py does (timm/scheduler/*.py)", () => {
    const script = toPyTorch(
      parseSchedule("timm.CosineLRScheduler(0.1, 50, 1e-4, warmup_t=5, warmup_lr_init=1e-4)"),
    );
    expect(script).toContain("\nfrom timm.scheduler import CosineLRScheduler\n");
    expect(script).toContain("\noptimizer = torch.optim.SGD(params, lr=0.1)\n");
    expect(script).toContain(
      "\nscheduler = CosineLRScheduler(optimizer, t_initial=50, lr_min=0.0001, warmup_t=5, warmup_lr_init=0.0001)\n",
    );
    expect(script).toContain(
      '\nfor t in range(STEPS):\n    scheduler.step(t)\n    lrs.append(optimizer.param_groups[0]["lr"])\n    optimizer.step()\nprint(',
    );
    expect(script).not.toContain("scheduler.step()");
    expect(script).not.toContain("import timm\n");
    // timm draws its noise from torch's generator, lrkit from its own: no native call with noise.
    const noisy = parseSchedule("timm.StepLRScheduler(0.1, 10, noise_range_t=5)");
    expect(() => toPyTorch(noisy, { steps: 20 })).not.toThrow();
    expect(toPyTorch(noisy, { steps: 20 })).not.toContain("from timm");
  });

  it("does so for every optax, keras, Hugging Face and timm preset", () => {
    for (const family of presetFamilies) {
      const anchor = family.preset?.anchor ?? "";
      const name = family.type.slice(anchor.length + 1);
      const s = parseSchedule(family.example);
      if (anchor === "optax") expect(toOptax(s), family.type).toContain(`\nschedule = optax.${name}(`);
      if (anchor === "keras")
        expect(toKeras(s), family.type).toContain(`\nschedule = keras.optimizers.schedules.${name}(`);
      if (anchor === "hf") expect(toPyTorch(s), family.type).toContain(`\nscheduler = transformers.${name}(`);
      if (anchor === "timm") {
        // Without its noise, if any (see above).
        const { noise_range_t: _, noise_pct: __, ...spec } = s.spec;
        const script = toPyTorch(spec);
        expect(script, family.type).toContain(`\nfrom timm.scheduler import ${name}\n`);
        expect(script, family.type).toContain(`\nscheduler = ${name}(optimizer, `);
        expect(script, family.type).toContain("\n    scheduler.step(t)\n");
      }
    }
  });
});
