import { describe, expect, it } from "vitest";
import { ExportError } from "../../export/expr.js";
import { toPyTorch } from "../../export/pytorch.js";
import { cosine } from "../../families/cosine.js";
import { parseSchedule } from "../../spec/parse.js";
import { entriesIn } from "../../spec/registry.js";
import { expectThrow } from "../../test/expect.js";
import { combine_scheds } from "./combineScheds.js";
import * as entries from "./families.js";
import { fit_one_cycle, fit_one_cycle_moms } from "./fitOneCycle.js";
import { fit_sgdr } from "./fitSgdr.js";
import { SchedCos, SchedLin } from "./sched.js";
import "../index.js"; // registers the presets, for fromSpec and the text syntax

// scripts/check-exports.ts --to fastai runs these scripts in fastai 2.7.18 itself (see its header).
describe("a fastai preset exported to PyTorch", () => {
  it("is fastai's own function of pos, as Learner.fit_one_cycle builds it, run by a LambdaLR on lr 1", () => {
    const script = toPyTorch(fit_one_cycle({ n_epoch: 3, lr_max: 0.01, n_iter: 17 }));
    expect(script).toContain("from fastai.callback.schedule import combined_cos\n");
    expect(script).toContain("optimizer = torch.optim.SGD(params, lr=1)");
    expect(script).toContain(
      "scheduler = lr_scheduler.LambdaLR(optimizer, lambda t, f=combined_cos(0.25, 0.01 / 25, 0.01, 0.01 / 100000): f(min(t, 51) / 51))",
    );
    expect(toPyTorch(fit_one_cycle_moms({ n_epoch: 2, n_iter: 10 }))).toContain(
      "f=combined_cos(0.25, 0.95, 0.85, 0.95): f(min(t, 20) / 20)",
    );
  });

  it("writes fit_sgdr as fastai does: combine_scheds of one SchedCos per cycle", () => {
    expect(toPyTorch(fit_sgdr({ n_cycles: 3, cycle_len: 1, lr_max: 0.01, n_iter: 10 }))).toContain(
      "f=combine_scheds([0.14285714285714285, 0.2857142857142857, 0.5714285714285714], [SchedCos(0.01, 0)] * 3): f(min(t, 70) / 70)",
    );
  });

  it("writes the phases of combine_scheds, importing each name it calls", () => {
    const s = combine_scheds({
      pcts: [0.3, 0.7],
      scheds: [SchedLin({ start: 0.01, end: 0.1 }), SchedCos({ start: 0.1, end: 0.001 })],
      steps: 100,
    });
    const script = toPyTorch(s);
    expect(script).toContain("from fastai.callback.schedule import SchedLin, SchedCos, combine_scheds\n");
    expect(script).toContain(
      "f=combine_scheds([0.3, 0.7], [SchedLin(0.01, 0.1), SchedCos(0.1, 0.001)]): f(min(t, 100) / 100)",
    );
  });

  it("exists for every fastai preset's example", () => {
    for (const family of entriesIn(entries))
      expect(toPyTorch(parseSchedule(family.example)), family.type).toMatch(
        /^from fastai\.callback\.schedule import .+\n[^]*lambda t, f=\w+\(/m,
      );
  });

  it("does not exist when a phase is an lrkit schedule, which fastai has no function for", () => {
    const s = combine_scheds({
      pcts: [0.5, 0.5],
      scheds: [SchedLin({ start: 0, end: 1 }), cosine({ lr: 1, steps: 10 })],
    });
    expectThrow(
      () => toPyTorch(s),
      ExportError,
      /the preset fastai\.combine_scheds.* has no closed form; pass steps/,
    );
  });
});
