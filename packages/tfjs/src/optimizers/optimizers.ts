/**
 * TensorFlow.js's optimizers: one entry each, the only place that knows one from another. Adding
 * an optimizer is adding its entry here; the functions of @lrkit/tfjs and the CLI read the table.
 *
 * @module
 */
import { train } from "@tensorflow/tfjs-core";
import { optimizerEntry } from "./optimizerEntry.js";

/** No accumulators, or accumulators that `getWeights()` and `setWeights()` handle. */
const plainState = { slots: "getWeights", stateVariables: [], forgets: [] } as const;

/**
 * TensorFlow.js's optimizers by the name of their `tf.train` factory (see {@link OptimizerEntry}).
 * The facts about TensorFlow.js internals (field names) hold for 4.20 to 4.22, checked against its
 * sources and by the tests, which read the actual updates.
 *
 * @example
 * ```ts
 * OPTIMIZERS.rmsprop.options; // { decay: 0.9, momentum: 0, epsilon: undefined, centered: false }
 * ```
 */
export const OPTIMIZERS = {
  sgd: optimizerEntry({
    className: "SGD",
    lr: 0.01,
    options: {},
    create: (lr) => train.sgd(lr),
    momentum: null,
    rangeTestStart: 1e-3,
    ...plainState,
  }),
  momentum: optimizerEntry({
    className: "Momentum",
    lr: 0.01,
    options: { momentum: 0.9, nesterov: false },
    create: (lr, o) => train.momentum(lr, o.momentum, o.nesterov),
    momentum: "momentum",
    rangeTestStart: 1e-3,
    ...plainState,
    // TensorFlow.js 4.22's MomentumOptimizer.dispose overrides SGD's without calling it: the cached -lr stays.
    forgets: ["c"],
  }),
  adam: optimizerEntry({
    className: "Adam",
    lr: 0.001,
    options: { beta1: 0.9, beta2: 0.999, epsilon: undefined },
    create: (lr, o) => train.adam(lr, o.beta1, o.beta2, o.epsilon),
    momentum: "beta1",
    rangeTestStart: 1e-5,
    ...plainState,
    // setWeights recomputes them as beta^(t+1), which is wrong once beta1 has been scheduled.
    stateVariables: ["accBeta1", "accBeta2"],
  }),
  adamax: optimizerEntry({
    className: "Adamax",
    lr: 0.002,
    options: { beta1: 0.9, beta2: 0.999, epsilon: undefined, decay: 0 },
    create: (lr, o) => train.adamax(lr, o.beta1, o.beta2, o.epsilon, o.decay),
    momentum: "beta1",
    rangeTestStart: 1e-5,
    // Its getWeights() cannot export its state in TensorFlow.js 4.22.
    slots: ["accumulatedFirstMoment", "accumulatedWeightedInfNorm"],
    stateVariables: ["iteration", "accBeta1"],
    forgets: [],
  }),
  rmsprop: optimizerEntry({
    className: "RMSProp",
    lr: 0.001,
    options: { decay: 0.9, momentum: 0, epsilon: undefined, centered: false },
    create: (lr, o) => train.rmsprop(lr, o.decay, o.momentum, o.epsilon, o.centered),
    momentum: "momentum",
    rangeTestStart: 1e-5,
    ...plainState,
  }),
  adagrad: optimizerEntry({
    className: "Adagrad",
    lr: 0.01,
    options: { initialAccumulatorValue: 0.1 },
    create: (lr, o) => train.adagrad(lr, o.initialAccumulatorValue),
    momentum: null,
    rangeTestStart: 1e-3,
    ...plainState,
  }),
  adadelta: optimizerEntry({
    className: "Adadelta",
    lr: 1,
    options: { rho: 0.95, epsilon: undefined },
    create: (lr, o) => train.adadelta(lr, o.rho, o.epsilon),
    momentum: null,
    rangeTestStart: 1e-3,
    ...plainState,
  }),
};
