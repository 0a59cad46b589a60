// Checkpoints from outside: Scheduler.restore refuses a state its spec cannot reach, naming the
// field, where it used to give NaN, a negative lr or a silent restart from step 0.
import { describe, expect, it } from "vitest";
import { cosine } from "./families/cosine.js";
import { ParameterRangeError, ParameterTypeError } from "./params.js";
import { Scheduler } from "./scheduler.js";
import { SpecError } from "./spec/specError.js";
import { expectThrow } from "./test/expect.js";

const withPlateau = () => {
  const s = new Scheduler(cosine({ lr: 0.1, steps: 100 }), { plateau: { patience: 2, cooldown: 1 } });
  s.step().step().observe(1).observe(1);
  return JSON.parse(JSON.stringify({ spec: s.spec, state: s.state }));
};

describe("Scheduler.restore", () => {
  it("refuses a tampered plateau state, naming the field", () => {
    const { spec, state } = withPlateau();
    const tamper = (plateau: object) => () =>
      Scheduler.restore(spec, { ...state, plateau: { ...state.plateau, ...plateau } });
    expectThrow(
      tamper({ scale: -1 }),
      ParameterRangeError,
      "Scheduler.restore: state.plateau.scale must be in [0, 1], got -1",
    );
    expectThrow(
      tamper({ best: "x" }),
      ParameterTypeError,
      /^Scheduler.restore: state.plateau.best must be a number or "Infinity"/,
    );
    expectThrow(
      tamper({ badEpochs: 3 }),
      ParameterRangeError,
      "Scheduler.restore: state.plateau.badEpochs at most patience (2), got 3",
    );
    expectThrow(
      tamper({ cooldown: 5 }),
      ParameterRangeError,
      /^Scheduler.restore: state.plateau.cooldown at most/,
    );
    expectThrow(
      tamper({ epochs: 1.5 }),
      ParameterRangeError,
      "Scheduler.restore: state.plateau.epochs must be a non-negative integer, got 1.5",
    );
    expectThrow(
      () => Scheduler.restore(spec, { ...state, plateau: {} }),
      ParameterTypeError,
      /^Scheduler.restore: state.plateau.best is required/,
    );
    expectThrow(
      () => Scheduler.restore(spec, { step: state.step }),
      ParameterTypeError,
      "Scheduler.restore: state.plateau required by the spec's plateau policy, got undefined",
    );
  });

  it("refuses a missing or empty state instead of restarting from step 0", () => {
    const { spec } = withPlateau();
    expectThrow(
      () => Scheduler.restore(spec, undefined as never),
      ParameterTypeError,
      /^Scheduler.restore: state/,
    );
    expectThrow(
      () => Scheduler.restore(spec, {} as never),
      ParameterTypeError,
      "Scheduler.restore: state.step is required",
    );
    expectThrow(
      () => Scheduler.restore(spec, { step: -2 } as never),
      ParameterRangeError,
      /^Scheduler.restore: state.step must be/,
    );
  });

  it("refuses a plateau state for a spec without a policy, and a spec that is not one", () => {
    const s = new Scheduler(cosine({ lr: 0.1, steps: 10 }));
    const plateau = { best: 1, badEpochs: 0, cooldown: 0, scale: 1, epochs: 1 };
    expectThrow(
      () => Scheduler.restore(s.spec, { step: 1, plateau }),
      ParameterRangeError,
      /^Scheduler.restore: state.plateau absent \(the spec has no plateau policy\)/,
    );
    expectThrow(
      () => Scheduler.restore(null as never, { step: 0 }),
      ParameterTypeError,
      /^Scheduler.restore: spec must be a scheduler spec/,
    );
    expectThrow(
      () => Scheduler.restore({ schedules: { lr: { type: "cosine", lr: 0.1, steps: -1 } } }, { step: 0 }),
      SpecError,
      /^spec error at spec\.schedules\.lr\.steps:/,
    );
  });

  it("still resumes every state it saved", () => {
    const { spec, state } = withPlateau();
    const resumed = Scheduler.restore(spec, state);
    expect(resumed.state).toEqual(state);
  });
});
