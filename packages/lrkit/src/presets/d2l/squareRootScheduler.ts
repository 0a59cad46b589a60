// Anchor: d2l-ai/d2l-en chapter_optimization/lr-scheduler.md ("Learning Rate Scheduling"),
// class SquareRootScheduler (the same in the PyTorch, MXNet and TensorFlow tabs).
import * as v from "valibot";
import { inverseSqrt } from "../../families/inverseSqrt.js";
import * as p from "../../params.js";
import { parseParams } from "../../params.js";
import { specOf, type Schedule, relabel } from "../../schedule.js";
import { definePreset } from "../../spec/defineFamily.js";
import type { SquareRootSchedulerOptions } from "./options.generated.js";

export type { SquareRootSchedulerOptions };

const NAME = "d2l.SquareRootScheduler";

const params = v.strictObject({
  lr: v.optional(p.nonNegative("The learning rate at update 0; non-negative. Defaults to 0.1."), 0.1),
});

/**
 * d2l's `SquareRootScheduler`: `lr * (t + 1) ** -0.5`, the `O(t^-1/2)` decay of convex
 * optimization. Stateless in the chapter too; the core {@link inverseSqrt} with timescale 1.
 *
 * @param options - d2l's parameters: see {@link SquareRootSchedulerOptions} for each one's meaning and default.
 * @throws RangeError for a negative `lr`; TypeError for a non-finite one.
 * @example
 * ```ts
 * const s = SquareRootScheduler({ lr: 0.1 });
 * [s(0), s(3), s(99)]; // [0.1, 0.05, 0.01]
 * ```
 * @see Dive into Deep Learning, "Learning Rate Scheduling" (d2l-ai/d2l-en
 *   `chapter_optimization/lr-scheduler.md`).
 */
export function SquareRootScheduler(options: SquareRootSchedulerOptions = {}): Schedule {
  const { lr } = parseParams(NAME, params, options);
  const inner = inverseSqrt({ lr, timescale: 1 });
  return relabel(inner, specOf(NAME, options), {});
}

/** Registry entry of {@link SquareRootScheduler}. */
export const SquareRootSchedulerFamily = /* @__PURE__ */ definePreset({
  type: NAME,
  summary: "d2l SquareRootScheduler: lr * (t + 1) ** -0.5.",
  example: "d2l.SquareRootScheduler(lr=0.1)",
  params,
  positional: ["lr"],
  create: (o) => SquareRootScheduler(o),
  preset: { anchor: "d2l" },
});
