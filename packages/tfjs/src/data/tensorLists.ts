/**
 * Inputs and targets as the user gives them (a tensor, a list per input or output, a record by
 * name, plain arrays), put in the model's order and checked against its shapes.
 *
 * @module
 */
import { Tensor, tensor } from "@tensorflow/tfjs-core";
import type { Objective, TensorSlot } from "../train/objective.js";

/** Nested arrays of numbers: what `tf.tensor` takes. */
export type NumberArray = number[] | number[][] | number[][][] | number[][][][] | Float32Array;

/** Inputs or targets: one tensor (or array) for one input or output, a list in order, or a record by name. */
export type Tensors = Tensor | NumberArray | readonly Tensor[] | { readonly [name: string]: Tensor };

const shapeText = (shape: readonly (number | null)[]) => JSON.stringify(shape);

/**
 * `value` as one tensor per slot, in the slots' order. Plain arrays become tensors, listed in
 * `owned` (the caller disposes them).
 *
 * @throws TypeError for a count or names that do not match the slots.
 */
export function tensorList(
  fn: string,
  what: string,
  value: Tensors,
  slots: readonly TensorSlot[],
): { tensors: Tensor[]; owned: Tensor[] } {
  const names = slots.map((s) => s.name).join(", ");
  const side = what.endsWith("ys") ? "outputs" : "inputs";
  if (value instanceof Tensor) return { tensors: [value], owned: [] };
  if (Array.isArray(value) && value.length > 0 && value.every((v) => v instanceof Tensor)) {
    if (value.length !== slots.length)
      throw new TypeError(
        `${fn}: ${what} has ${value.length} tensors, the model has ${slots.length} ${side} (${names})`,
      );
    return { tensors: [...(value as Tensor[])], owned: [] };
  }
  if (Array.isArray(value) || value instanceof Float32Array) {
    const made = tensor(value as NumberArray);
    return { tensors: [made], owned: [made] };
  }
  if (typeof value !== "object" || value === null)
    throw new TypeError(
      `${fn}: ${what} must be a tensor, a list of tensors or a record of them, got ${typeof value}`,
    );
  const record = value as { readonly [name: string]: Tensor };
  const unknown = Object.keys(record).filter((k) => !slots.some((s) => s.name === k));
  if (unknown.length > 0)
    throw new TypeError(
      `${fn}: ${what} names ${unknown.join(", ")}, which the model's ${side} are not (${names})`,
    );
  return {
    tensors: slots.map((s) => {
      const t = record[s.name];
      if (!(t instanceof Tensor))
        throw new TypeError(`${fn}: ${what} has no tensor for the model's ${side.slice(0, -1)} "${s.name}"`);
      return t;
    }),
    owned: [],
  };
}

function fits(shape: readonly number[], slot: readonly (number | null)[]): boolean {
  return shape.length === slot.length && slot.every((d, i) => i === 0 || d === null || d === shape[i]);
}

/**
 * Checks that `xs` and `ys` (in the model's order) fit the model's inputs and outputs and hold the
 * same number of examples.
 *
 * @param what - the data's name in messages ("data", "validation").
 * @throws TypeError naming the input or output and both shapes.
 */
export function checkShapes(
  fn: string,
  what: string,
  objective: Objective,
  xs: readonly { readonly shape: readonly number[] }[],
  ys: readonly { readonly shape: readonly number[] }[],
): void {
  if (xs.length !== objective.inputs.length)
    throw new TypeError(
      `${fn}: ${what} has ${xs.length} inputs, the model takes ${objective.inputs.length} (${objective.inputs.map((s) => s.name).join(", ")})`,
    );
  if (ys.length !== objective.outputs.length)
    throw new TypeError(
      `${fn}: ${what} has ${ys.length} targets, the model has ${objective.outputs.length} outputs (${objective.outputs.map((s) => s.name).join(", ")})`,
    );
  objective.inputs.forEach((slot, i) => {
    if (!fits(xs[i]!.shape, slot.shape))
      throw new TypeError(
        `${fn}: ${what} has inputs of shape ${shapeText(xs[i]!.shape)} for the model's input "${slot.name}", which takes ${shapeText(slot.shape)}`,
      );
  });
  objective.outputs.forEach((slot, i) => {
    const shape = ys[i]!.shape;
    const sparse = slot.target === "sparse" && (shape.length === 1 || (shape.length === 2 && shape[1] === 1));
    if (!sparse && !fits(shape, slot.shape))
      throw new TypeError(
        `${fn}: ${what} has targets of shape ${shapeText(shape)} for the model's output "${slot.name}", which gives ${shapeText(slot.shape)}${slot.lossName ? ` (loss ${slot.lossName}${slot.target === "sparse" ? ": class indices, [n] or [n, 1]" : ""})` : ""}`,
      );
  });
  const n = xs[0]?.shape[0];
  const other = [...xs, ...ys].find((t) => t.shape[0] !== n);
  if (other)
    throw new TypeError(
      `${fn}: ${what} holds ${n} examples in its first input but ${other.shape[0]} in another input or target`,
    );
}

/**
 * Checks the class indices of every output whose loss takes them (sparse categorical
 * cross-entropy): integers from 0 to the output's width − 1.
 *
 * @throws RangeError naming the first bad label, its example and the output.
 */
export function checkClassIndices(
  fn: string,
  what: string,
  objective: Objective,
  ys: readonly Tensor[],
): void {
  objective.outputs.forEach((slot, i) => {
    if (slot.target !== "sparse") return;
    const classes = slot.shape[slot.shape.length - 1];
    const labels = ys[i]!.dataSync();
    for (let k = 0; k < labels.length; k++) {
      const v = labels[k]!;
      if (!(Number.isInteger(v) && v >= 0 && (classes === null || classes === undefined || v < classes)))
        throw new RangeError(
          `${fn}: ${what} has label ${v} at example ${k} for the model's output "${slot.name}", which has ${classes} classes (${slot.lossName} takes integers 0 to ${(classes ?? 0) - 1})`,
        );
    }
  });
}
