import { describe, expect, it } from "vitest";
import { constant } from "../../families/constant.js";
import { plateau } from "../../plateau.js";
import { Scheduler } from "../../scheduler.js";
import { REDUCE_LR_ON_PLATEAU_DEFAULTS } from "./plateau.js";

describe("hf.REDUCE_LR_ON_PLATEAU_DEFAULTS", () => {
  it("holds PyTorch's ReduceLROnPlateau defaults, which HF's reduce_lr_on_plateau uses", () => {
    // inspect.signature(torch.optim.lr_scheduler.ReduceLROnPlateau.__init__) in PyTorch 1.13:
    // (self, optimizer, mode='min', factor=0.1, patience=10, threshold=0.0001, threshold_mode='rel',
    //  cooldown=0, min_lr=0, eps=1e-08, verbose=False)
    expect(REDUCE_LR_ON_PLATEAU_DEFAULTS).toEqual({
      mode: "min",
      factor: 0.1,
      patience: 10,
      threshold: 0.0001,
      thresholdMode: "rel",
      cooldown: 0,
      minLr: 0,
      eps: 1e-8,
    });
    expect(Object.isFrozen(REDUCE_LR_ON_PLATEAU_DEFAULTS)).toBe(true);
  });

  it("are lrkit's own plateau defaults, and drive a Scheduler: a cut after 11 flat epochs", () => {
    expect(plateau({}).options).toEqual(REDUCE_LR_ON_PLATEAU_DEFAULTS);
    const s = new Scheduler(constant({ lr: 5e-5 }), { plateau: REDUCE_LR_ON_PLATEAU_DEFAULTS });
    for (let epoch = 0; epoch < 11; epoch++) s.observe(1.0);
    expect(s.lr).toBe(5e-5);
    s.observe(1.0);
    expect(s.lr).toBeCloseTo(5e-6, 20);
  });
});
