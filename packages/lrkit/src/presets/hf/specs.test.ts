import { describe, expect, it } from "vitest";
import type { Schedule } from "../../schedule.js";
import { parseSchedule } from "../../spec/parse.js";
import { expectSame, roundTrip } from "../../test/roundTrip.js";
import { get_constant_schedule, get_constant_schedule_with_warmup } from "./constant.js";
import { get_cosine_schedule_with_warmup } from "./cosine.js";
import { get_cosine_with_hard_restarts_schedule_with_warmup } from "./cosineWithHardRestarts.js";
import { get_cosine_with_min_lr_schedule_with_warmup } from "./cosineWithMinLr.js";
import { get_cosine_with_min_lr_schedule_with_warmup_lr_rate } from "./cosineWithMinLrRate.js";
import * as entries from "./families.js";
import { entriesIn } from "../../spec/registry.js";
import { get_scheduler } from "./getScheduler.js";
import { get_inverse_sqrt_schedule } from "./inverseSqrt.js";
import { get_linear_schedule_with_warmup } from "./linear.js";
import { get_polynomial_decay_schedule_with_warmup } from "./polynomial.js";
import { get_wsd_schedule } from "./wsd.js";
import "../index.js"; // registers the presets, for fromSpec and the text syntax

// Each preset, its text-syntax twin (HF's positional order with lr for the optimizer).
const cases: [Schedule, string][] = [
  [get_constant_schedule({ lr: 0.1 }), "hf.get_constant_schedule(0.1)"],
  [
    get_constant_schedule_with_warmup({ lr: 0.1, num_warmup_steps: 4 }),
    "hf.get_constant_schedule_with_warmup(0.1, 4)",
  ],
  [
    get_linear_schedule_with_warmup({ lr: 0.1, num_warmup_steps: 4, num_training_steps: 50 }),
    "hf.get_linear_schedule_with_warmup(0.1, 4, 50)",
  ],
  [
    get_cosine_schedule_with_warmup({ lr: 0.1, num_warmup_steps: 4, num_training_steps: 50, num_cycles: 1 }),
    "hf.get_cosine_schedule_with_warmup(0.1, 4, 50, 1)",
  ],
  [
    get_cosine_with_hard_restarts_schedule_with_warmup({
      lr: 0.1,
      num_warmup_steps: 4,
      num_training_steps: 50,
      num_cycles: 3,
    }),
    "hf.get_cosine_with_hard_restarts_schedule_with_warmup(0.1, 4, 50, num_cycles=3)",
  ],
  [
    get_polynomial_decay_schedule_with_warmup({
      lr: 0.1,
      num_warmup_steps: 4,
      num_training_steps: 50,
      power: 2,
    }),
    "hf.get_polynomial_decay_schedule_with_warmup(0.1, 4, 50, power=2.0)",
  ],
  [get_inverse_sqrt_schedule({ lr: 0.1, num_warmup_steps: 4 }), "hf.get_inverse_sqrt_schedule(0.1, 4, None)"],
  [
    get_cosine_with_min_lr_schedule_with_warmup({
      lr: 0.1,
      num_warmup_steps: 4,
      num_training_steps: 50,
      min_lr: 1e-3,
    }),
    "hf.get_cosine_with_min_lr_schedule_with_warmup(0.1, 4, 50, min_lr=1e-3)",
  ],
  [
    get_cosine_with_min_lr_schedule_with_warmup_lr_rate({
      lr: 0.1,
      num_warmup_steps: 4,
      num_training_steps: 50,
      min_lr_rate: 0.1,
      warmup_lr_rate: 0.05,
    }),
    "hf.get_cosine_with_min_lr_schedule_with_warmup_lr_rate(0.1, 4, 50, min_lr_rate=0.1, warmup_lr_rate=0.05)",
  ],
  [
    get_wsd_schedule({
      lr: 0.1,
      num_warmup_steps: 4,
      num_decay_steps: 10,
      num_training_steps: 50,
      decay_type: "1-sqrt",
    }),
    'hf.get_wsd_schedule(0.1, 4, 10, 50, decay_type="1-sqrt")',
  ],
  [
    get_scheduler("cosine_with_restarts", {
      lr: 0.1,
      num_warmup_steps: 4,
      num_training_steps: 50,
      scheduler_specific_kwargs: { num_cycles: 2 },
    }),
    "hf.get_scheduler(cosine_with_restarts, 0.1, 4, 50, {num_cycles: 2})",
  ],
];

describe("hf presets as data", () => {
  it("registers one family per preset, named hf.<function>", () => {
    expect(
      entriesIn(entries)
        .map((f) => f.type)
        .sort(),
    ).toEqual(cases.map(([s]) => s.spec.type).sort());
  });

  for (const [schedule, text] of cases) {
    it(`${schedule.spec.type} survives a JSON round trip and is built by ${text}`, () => {
      const copy = roundTrip(schedule);
      const parsed = parseSchedule(text);
      expectSame(copy, schedule, 80);
      expectSame(parsed, schedule, 80);
      expect(copy.horizon).toBe(schedule.horizon);
      expect(parsed.spec.type).toBe(schedule.spec.type);
    });
  }
});

describe("hf registry entries", () => {
  it("each have an example in the text syntax that builds their own type", () => {
    for (const family of entriesIn(entries)) {
      const s = parseSchedule(family.example!);
      expect(s.spec.type).toBe(family.type);
      for (let t = 0; t < 60; t++) expect(Number.isFinite(s(t))).toBe(true);
    }
  });
});
