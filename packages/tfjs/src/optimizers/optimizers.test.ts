import * as tf from "@tensorflow/tfjs-core";
import { beforeAll, describe, expect, it } from "vitest";
import { useBackend } from "../test/backends.js";
import { createOptimizer } from "./createOptimizer.js";
import { disposeOptimizer } from "./disposeOptimizer.js";
import { OPTIMIZER_NAMES, optimizerName } from "./optimizerName.js";
import { OPTION_KINDS } from "./optimizerOptions.js";
import { OPTIMIZERS } from "./optimizers.js";

beforeAll(() => useBackend("cpu"));

/** The key of an option in the optimizer's public `getConfig()`. */
const configKey = (option: string) => (option === "nesterov" ? "useNesterov" : option);

describe("OPTIMIZERS: every entry", () => {
  for (const name of OPTIMIZER_NAMES) {
    const entry = OPTIMIZERS[name];

    it(`${name}: makes a tf.train.${name} with the entry's lr and defaults, as its getConfig() reads them`, () => {
      const optimizer = createOptimizer(name);
      expect(optimizer.getClassName()).toBe(entry.className);
      expect(optimizerName(optimizer)).toBe(name);
      const config = optimizer.getConfig();
      expect(config.learningRate).toBe(entry.lr);
      for (const [option, value] of Object.entries(entry.options))
        if (value !== undefined) expect(config[configKey(option)], option).toBe(value);
      disposeOptimizer(optimizer);
    });

    it(`${name}: passes each option it lists to its own argument of tf.train.${name}`, () => {
      // A distinct value per option, so that two arguments swapped would show.
      const given = Object.fromEntries(
        Object.keys(entry.options).map((option, i) => [
          option,
          OPTION_KINDS[option as keyof typeof OPTION_KINDS] === "boolean" ? true : 0.125 * (i + 1),
        ]),
      );
      const optimizer = createOptimizer(name, { lr: 0.75, ...given });
      const config = optimizer.getConfig();
      expect(config.learningRate).toBe(0.75);
      for (const [option, value] of Object.entries(given))
        expect(config[configKey(option)], option).toBe(value);
      disposeOptimizer(optimizer);
    });

    it(`${name}: has the state fields the entry names once it has updated, and frees every tensor`, () => {
      const before = tf.memory().numTensors;
      const optimizer = createOptimizer(name);
      const init = tf.ones([2]);
      const w = tf.variable(init);
      optimizer.minimize(() => tf.sum(tf.square(w)), false, [w]);
      const fields = optimizer as unknown as Record<string, unknown>;
      const named = [...(entry.slots === "getWeights" ? [] : entry.slots), ...entry.stateVariables];
      for (const field of named) expect(fields[field], field).toBeDefined();
      tf.dispose([init, w]);
      disposeOptimizer(optimizer);
      expect(tf.memory().numTensors).toBe(before);
    });
  }

  it("lists the momentum field of exactly the optimizers that have one", () => {
    for (const name of OPTIMIZER_NAMES) {
      const field = OPTIMIZERS[name].momentum;
      const optimizer = createOptimizer(name);
      const fields = optimizer as unknown as Record<string, unknown>;
      if (field === null) expect(fields.momentum ?? fields.beta1, name).toBeUndefined();
      else expect(typeof fields[field], name).toBe("number");
      disposeOptimizer(optimizer);
    }
  });
});
