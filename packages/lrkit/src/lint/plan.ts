/**
 * The training plan: validation and normalisation.
 *
 * @module
 */
import * as z from "zod";
import { ensure, p, parseParams } from "../params.js";
import type { Plan, TrainingPlan } from "./types.js";

const schema = z.strictObject({
  steps: p.positiveInt().describe("How many times the schedule is stepped."),
  unit: p.oneOf(["batch", "epoch"]).default("batch").describe('What one step is. Defaults to "batch".'),
  stepsPerEpoch: p.positiveInt().optional().describe("Batches per epoch. Defaults to unknown."),
  epochs: p.positive().optional().describe("Epochs of the run. Defaults to unknown."),
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
