import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeState, defaultState, encodeState, tabs, type ViewState } from "./state.js";
import { MODELS } from "./train/settings.js";

const train = fc.record({
  model: fc.constantFrom(...MODELS),
  optimizer: fc.constantFrom("sgd", "adam", "rmsprop"),
  epochs: fc.integer({ min: 1, max: 100 }),
  batchSize: fc.integer({ min: 1, max: 4096 }),
  start: fc.option(fc.double({ min: 1e-9, max: 1, noNaN: true }), { nil: undefined }),
  end: fc.double({ min: 1.5, max: 100, noNaN: true }),
  iterations: fc.integer({ min: 5, max: 1000 }),
});

const view = fc
  .record({
    specs: fc.array(fc.string({ unit: "grapheme", maxLength: 40 }), { minLength: 1, maxLength: 4 }),
    selected: fc.nat(3),
    steps: fc.option(fc.integer({ min: 1, max: 1_000_000 }), { nil: undefined }),
    unit: fc.constantFrom("batch" as const, "epoch" as const),
    stepsPerEpoch: fc.option(fc.integer({ min: 1, max: 10_000 }), { nil: undefined }),
    log: fc.boolean(),
    tab: fc.constantFrom(...tabs),
    train,
  })
  .map((s): ViewState => ({ ...s, selected: s.selected % s.specs.length }));

describe("the URL state", () => {
  it("decodes what it encodes, for any view", () => {
    fc.assert(
      fc.property(view, (s) => {
        expect(decodeState(encodeState(s))).toEqual(s);
      }),
      { seed: 42 },
    );
  });

  it("keeps specs readable in the fragment", () => {
    const hash = encodeState({
      ...defaultState,
      specs: ["warmup(cosine(lr=0.3, steps=25), steps=5)", "multiStep(lr=0.5, milestones=[15, 30])"],
      steps: 40,
      log: true,
      tab: "pytorch",
    });
    expect(hash).toBe(
      "s=warmup(cosine(lr=0.3,%20steps=25),%20steps=5)&s=multiStep(lr=0.5,%20milestones=[15,%2030])&steps=40&log=1&tab=pytorch",
    );
  });

  it("escapes what would end a parameter or the fragment", () => {
    const specs = ['formula("0.1 + t & 1")', '{"type": "constant", "lr": 0.1} # %'];
    const hash = encodeState({ ...defaultState, specs });
    expect(hash).not.toMatch(/[ #"]/);
    expect(hash.split("&")).toHaveLength(2);
    expect(decodeState(`#${hash}`).specs).toEqual(specs);
  });

  it("opens the default view for an empty fragment, and defaults anything unreadable", () => {
    expect(decodeState("")).toEqual(defaultState);
    expect(decodeState("#s=constant(lr=0.1)&sel=7&steps=-3&spe=1.5&tab=nope&unit=week&log=yes&x=1")).toEqual({
      ...defaultState,
      specs: ["constant(lr=0.1)"],
    });
    expect(decodeState("?s=constant(lr%3D0.1)&steps=12").steps).toBe(12);
    expect(decodeState("#s=%E0%A4%A").specs).toEqual(["%E0%A4%A"]);
  });
});
