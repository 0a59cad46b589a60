/**
 * A small, exact, framework-free Learner for the range-test tests: least squares on seeded data
 * with SGD and momentum, so that weights and optimizer state can be compared bit for bit.
 *
 * @module
 */
import type { Learner } from "../finder/learner.js";
import { normal, uniformStream } from "../random.js";

interface State {
  w: number[];
  v: number[];
}

/** Options of {@link regressionLearner}: faults to inject. */
export interface RegressionOptions {
  /** Throw at this step (0-based call of step()). */
  readonly throwAt?: number;
  /** Return NaN at this step. */
  readonly nanAt?: number;
  /** Momentum of the SGD. Defaults to 0.9. */
  readonly momentum?: number;
  /** Runs synchronously at the start of every step with its 0-based call: extra work, a recorder. */
  readonly beforeStep?: (call: number) => void;
}

/** A least-squares learner whose loss falls then diverges as the lr grows past about 0.1. */
export function regressionLearner(
  options: RegressionOptions = {},
): Learner & { state: State; calls: number } {
  const dim = 4;
  const truth = [1, -2, 0.5, 3];
  let draw = uniformStream(1, 0);
  const batch = () =>
    Array.from({ length: 32 }, () => {
      const x = Array.from({ length: dim }, () => normal(draw));
      return { x, y: x.reduce((s, xi, i) => s + xi * truth[i]!, 0) + 0.1 * normal(draw) };
    });
  const momentum = options.momentum ?? 0.9;
  const learner = {
    state: { w: [0, 0, 0, 0], v: [0, 0, 0, 0] } as State,
    calls: 0,
    async step(lr: number, batches = 1) {
      const call = learner.calls++;
      options.beforeStep?.(call);
      if (call === options.throwAt) throw new Error("out of memory");
      const grad = new Array<number>(dim).fill(0);
      let loss = 0;
      for (let b = 0; b < batches; b++) {
        for (const { x, y } of batch()) {
          const err = x.reduce((s, xi, i) => s + xi * learner.state.w[i]!, 0) - y;
          loss += (err * err) / 32 / batches;
          x.forEach((xi, i) => (grad[i]! += (2 * err * xi) / 32 / batches));
        }
      }
      learner.state.v = learner.state.v.map((vi, i) => momentum * vi + grad[i]!);
      learner.state.w = learner.state.w.map((wi, i) => wi - lr * learner.state.v[i]!);
      return call === options.nanAt ? NaN : loss;
    },
    async snapshot() {
      return structuredClone(learner.state);
    },
    async restore(snapshot: unknown) {
      learner.state = structuredClone(snapshot as State);
    },
    async validate() {
      const data = batch();
      return (
        data.reduce(
          (s, { x, y }) => s + (x.reduce((a, xi, i) => a + xi * learner.state.w[i]!, 0) - y) ** 2,
          0,
        ) / 32
      );
    },
    reseed(seed: number) {
      draw = uniformStream(seed, 0);
    },
  };
  return learner;
}
