/**
 * Test helpers: start backends, run one kernel on a backend from plain arrays, compare arrays.
 *
 * @module
 */
import "@tensorflow/tfjs-backend-cpu";
import "@tensorflow/tfjs-backend-wasm";
// Gradients: the CommonJS build of tfjs-core registers none; tfjs-layers registers them all.
import "@tensorflow/tfjs-layers";
import * as tf from "@tensorflow/tfjs-core";
import { expect } from "vitest";

/** Plain data of a tensor. */
export interface Plain {
  shape: number[];
  values: Float32Array;
}

/** Makes `name` the active backend (starting it if needed). */
export async function useBackend(name: "cpu" | "wasm"): Promise<void> {
  if (!(await tf.setBackend(name))) throw new Error(`could not start the ${name} backend`);
  await tf.ready();
  // Silences the cpu backend's "install tfjs-node" banner.
  (tf.backend() as { firstUse?: boolean }).firstUse = false;
}

/** Deterministic pseudo-random values in [-1, 1) (or integers 0..levels-1 when `levels` is given). */
export function randomPlain(shape: number[], seed: number, levels?: number): Plain {
  const n = shape.reduce((a, b) => a * b, 1);
  const values = new Float32Array(n);
  let s = (seed * 2654435761) >>> 0 || 1;
  for (let i = 0; i < n; i++) {
    s ^= s << 13;
    s ^= s >>> 17;
    s ^= s << 5;
    s >>>= 0;
    const u = s / 4294967296;
    values[i] = levels === undefined ? 2 * u - 1 : Math.floor(u * levels);
  }
  return { shape, values };
}

/** Runs kernel `name` on `backend` (which becomes active) with the given inputs and attributes. */
export async function runKernelOn(
  backend: "cpu" | "wasm",
  name: string,
  inputs: Record<string, Plain>,
  attrs: Record<string, unknown>,
): Promise<Plain> {
  await useBackend(backend);
  const tensors = Object.fromEntries(
    Object.entries(inputs).map(([k, v]) => [k, tf.tensor(v.values, v.shape)]),
  );
  const out = tf.engine().runKernel(name, tensors, attrs as tf.NamedAttrMap) as tf.Tensor;
  const result = { shape: out.shape, values: (await out.data()) as Float32Array };
  tf.dispose([out, ...Object.values(tensors)]);
  return result;
}

/** Expects equal shapes and values within `tolerance` times the largest magnitude of `expected`. */
export function expectClose(actual: Plain, expected: Plain, tolerance = 1e-5): void {
  expect(actual.shape).toEqual(expected.shape);
  let scale = 0;
  for (const v of expected.values) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  for (let i = 0; i < expected.values.length; i++)
    worst = Math.max(worst, Math.abs(actual.values[i]! - expected.values[i]!));
  expect(worst / Math.max(scale, 1e-30)).toBeLessThanOrEqual(tolerance);
}
