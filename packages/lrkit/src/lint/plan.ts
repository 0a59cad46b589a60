/**
 * The training plan: validation and normalisation.
 *
 * @module
 */
import * as v from "valibot";
import * as p from "../params.js";
import { ensure, parseParams } from "../params.js";
import type { Plan, TrainingPlan } from "./types.js";

const schema = v.strictObject({
  steps: p.positiveInt("How many times the schedule is stepped."),
  unit: v.optional(p.oneOf(["batch", "epoch"], 'What one step is. Defaults to "batch".'), "batch"),
  stepsPerEpoch: v.optional(p.positiveInt("Batches per epoch. Defaults to unknown.")),
  epochs: v.optional(p.positive("Epochs of the run. Defaults to unknown.")),
});

/**
 * Validates a {@link TrainingPlan} and fills in what follows from it (`epochs = steps` per epoch
 * unit, `epochs = steps / stepsPerEpoch` per batch when known).
 *
 * @throws RangeError naming the field: a non-integer or non-positive `steps`, an unknown `unit`, or
 *   counts that contradict each other.
 */
export function normalizePlan(plan: TrainingPlan): Plan {
  const o = parseParams("lint", schema, plan);
  const { steps, unit, stepsPerEpoch } = o;
  let epochs = o.epochs;
  if (unit === "epoch") {
    ensure(
      epochs === undefined || epochs === steps,
      "lint",
      "epochs",
      `must equal steps (${steps}) when unit is "epoch"`,
      epochs,
    );
    epochs = steps;
  } else if (stepsPerEpoch !== undefined) {
    if (epochs !== undefined) {
      ensure(
        Math.abs(epochs * stepsPerEpoch - steps) < 1e-9 * steps,
        "lint",
        "steps",
        `must equal epochs * stepsPerEpoch (${epochs * stepsPerEpoch}) when unit is "batch"`,
        steps,
      );
    }
    epochs ??= steps / stepsPerEpoch;
  }
  return { steps, unit, stepsPerEpoch, epochs };
}
