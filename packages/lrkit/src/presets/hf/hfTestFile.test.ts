import { describe, expect, it } from "vitest";
import { sample, type Schedule } from "../../schedule.js";
import { expectValues } from "../../test/expect.js";
import { get_constant_schedule, get_constant_schedule_with_warmup } from "./constant.js";
import { get_cosine_schedule_with_warmup } from "./cosine.js";
import { get_cosine_with_hard_restarts_schedule_with_warmup } from "./cosineWithHardRestarts.js";
import { get_inverse_sqrt_schedule } from "./inverseSqrt.js";
import { get_linear_schedule_with_warmup } from "./linear.js";
import { get_polynomial_decay_schedule_with_warmup } from "./polynomial.js";

// HF's own test: huggingface/transformers tests/optimization/test_optimization.py,
// ScheduleInitTest.test_schedulers (AdamW lr=10.0, 10 steps, get_lr() before each step(),
// assertAlmostEqual with delta=1e-2). The exact values beside them come from the functions of
// src/transformers/optimization.py run in CPython with PyTorch 1.13's LambdaLR.
const common = { lr: 10.0, num_warmup_steps: 2, num_training_steps: 10 };
const table: [string, Schedule, number[], number[]][] = [
  [
    "get_constant_schedule",
    get_constant_schedule({ lr: 10.0 }),
    Array<number>(10).fill(10.0),
    Array<number>(10).fill(10.0),
  ],
  [
    "get_constant_schedule_with_warmup",
    get_constant_schedule_with_warmup({ lr: 10.0, num_warmup_steps: 4 }),
    [0.0, 2.5, 5.0, 7.5, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0],
    [0.0, 2.5, 5.0, 7.5, 10.0, 10.0, 10.0, 10.0, 10.0, 10.0],
  ],
  [
    "get_linear_schedule_with_warmup",
    get_linear_schedule_with_warmup(common),
    [0.0, 5.0, 10.0, 8.75, 7.5, 6.25, 5.0, 3.75, 2.5, 1.25],
    [0.0, 5.0, 10.0, 8.75, 7.5, 6.25, 5.0, 3.75, 2.5, 1.25],
  ],
  [
    "get_cosine_schedule_with_warmup",
    get_cosine_schedule_with_warmup(common),
    [0.0, 5.0, 10.0, 9.61, 8.53, 6.91, 5.0, 3.08, 1.46, 0.38],
    [
      0.0, 5.0, 10.0, 9.619397662556434, 8.535533905932738, 6.913417161825449, 5.0, 3.0865828381745515,
      1.4644660940672627, 0.3806023374435663,
    ],
  ],
  [
    "get_cosine_with_hard_restarts_schedule_with_warmup",
    get_cosine_with_hard_restarts_schedule_with_warmup({ ...common, num_cycles: 2 }),
    [0.0, 5.0, 10.0, 8.53, 5.0, 1.46, 10.0, 8.53, 5.0, 1.46],
    [
      0.0, 5.0, 10.0, 8.535533905932738, 5.0, 1.4644660940672627, 10.0, 8.535533905932738, 5.0,
      1.4644660940672627,
    ],
  ],
  [
    "get_polynomial_decay_schedule_with_warmup",
    get_polynomial_decay_schedule_with_warmup({ ...common, power: 2.0, lr_end: 1e-7 }),
    [0.0, 5.0, 10.0, 7.656, 5.625, 3.906, 2.5, 1.406, 0.625, 0.156],
    [
      0.0, 5.0, 10.0, 7.656250023437501, 5.625000043750001, 3.9062500609375, 2.500000075, 1.4062500859375002,
      0.62500009375, 0.15625009843750004,
    ],
  ],
  [
    "get_inverse_sqrt_schedule",
    get_inverse_sqrt_schedule({ lr: 10.0, num_warmup_steps: 2 }),
    [0.0, 5.0, 10.0, 8.165, 7.071, 6.325, 5.774, 5.345, 5.0, 4.714],
    [
      0.0, 5.0, 10.0, 8.16496580927726, 7.071067811865475, 6.324555320336759, 5.773502691896258,
      5.3452248382484875, 5.0, 4.714045207910317,
    ],
  ],
];

describe("hf presets against HF's test_optimization.py", () => {
  for (const [name, schedule, hfExpected, exact] of table) {
    it(`${name} gives HF's test values (delta 1e-2) and CPython's exact values`, () => {
      const actual = Array.from(sample(schedule, 10));
      actual.forEach((v, i) => expect(Math.abs(v - hfExpected[i]!)).toBeLessThanOrEqual(1e-2));
      expectValues(schedule, exact);
    });
  }
});
