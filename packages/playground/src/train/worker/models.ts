/**
 * The models the Train panel trains: @lrkit/tfjs's MLP and LeNet (the CLI's demo models), sized to the data: LeNet for images, the MLP for images (784-256-10) or for
 * the columns of a CSV file (one hidden layer sized from the features and classes).
 *
 * @module
 */
import type { LayersModel } from "@tensorflow/tfjs-layers";
import { lenet, mlp } from "@lrkit/tfjs";
import type { ModelChoice } from "../settings.js";

/** A model built for the data, and what it is in a few words. */
export interface BuiltModel {
  readonly model: LayersModel;
  readonly title: string;
}

/** The seed of the initial weights: every run of the panel starts from the same ones. */
const SEED = 0;

/**
 * The model `choice` for examples of `shape` and `classes` classes (logits out). LeNet needs
 * images (three axes); for a vector the choice falls back to the MLP, and the title says so.
 */
export function buildModel(choice: ModelChoice, shape: readonly number[], classes: number): BuiltModel {
  if (choice === "lenet" && shape.length === 3)
    return { model: lenet({ seed: SEED, inputShape: shape, classes }), title: "LeNet" };
  const inputs = shape.reduce((a, b) => a * b, 1);
  // d2l's 256 hidden units for images; for table columns, twice the inputs and classes, 16 to 128.
  const hidden = shape.length === 3 ? 256 : Math.min(128, Math.max(16, 2 * (inputs + classes)));
  const note = choice === "lenet" ? " (LeNet needs images)" : "";
  return {
    model: mlp({ seed: SEED, inputShape: shape, classes, hidden: [hidden] }),
    title: `MLP ${inputs}-${hidden}-${classes}${note}`,
  };
}
