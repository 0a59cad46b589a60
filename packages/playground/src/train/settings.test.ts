import { describe, expect, it } from "vitest";
import { decodeState, defaultState, encodeState } from "../state.js";
import { defaultTrainSettings } from "./settings.js";

describe("the Train panel's settings in a link", () => {
  it("are written only where they differ from the defaults, and read back", () => {
    const train = {
      ...defaultTrainSettings,
      model: "lenet" as const,
      optimizer: "adam",
      epochs: 5,
      start: 1e-5,
      iterations: 60,
    };
    const hash = encodeState({ ...defaultState, tab: "train", train });
    expect(hash).toBe(
      "s=warmup(cosine(lr=0.3,%20steps=25,%20minLr=0.01),%20steps=5)&tab=train&tmodel=lenet&topt=adam&tepochs=5&tstart=0.00001&tsteps=60",
    );
    expect(decodeState(hash).train).toEqual(train);
    expect(encodeState(defaultState)).not.toContain("tmodel");
    // No start: the range test starts where the optimizer's does, and the link says nothing.
    const auto = { ...train, start: undefined };
    expect(encodeState({ ...defaultState, tab: "train", train: auto })).not.toContain("tstart");
    expect(decodeState(encodeState({ ...defaultState, tab: "train", train: auto })).train).toEqual(auto);
  });

  it("default what is unreadable, out of bounds, or a sweep that does not rise", () => {
    expect(decodeState("#tmodel=resnet&tepochs=0&tbatch=64.5&tsteps=4&topt=Adam!").train).toEqual(
      defaultTrainSettings,
    );
    expect(decodeState("#tstart=1&tend=0.1").train).toEqual(defaultTrainSettings);
    expect(decodeState("#tstart=-1&tend=abc&tepochs=101").train).toEqual(defaultTrainSettings);
    expect(decodeState("#tend=1&tbatch=4096").train).toEqual({
      ...defaultTrainSettings,
      end: 1,
      batchSize: 4096,
    });
  });
});
