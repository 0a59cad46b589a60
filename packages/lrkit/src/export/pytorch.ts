/**
 * Export to PyTorch: a standalone script (torch and the standard library only) that builds an
 * optimizer and the scheduler, steps it, and prints the lr of every step as a JSON array, so the
 * export can be checked against `lrkit sample` in real PyTorch.
 *
 * @module
 */
import type { Schedule, ScheduleSpec } from "../schedule.js";
import { isCoreType, optionsOf } from "./options.js";
import { header, kwargs, mathImports, py, TABLE, withTable } from "./python.js";
import { resolve, type ExportOptions } from "./resolve.js";

/** A native PyTorch scheduler: the optimizer's lr and the constructor call. */
interface Native {
  readonly lr: number;
  readonly scheduler: string;
  readonly uses: string;
}

const int = (v: unknown): v is number => typeof v === "number" && Number.isInteger(v);

/** The native class that gives exactly this schedule over `steps` steps, when there is one. */
function nativeOf(spec: ScheduleSpec, steps: number): Native | undefined {
  if (!isCoreType(spec.type)) return undefined;
  const o = optionsOf(spec);
  const make = (lr: number, cls: string, args: Record<string, unknown>, uses = ""): Native => ({
    lr,
    scheduler: `lr_scheduler.${cls}(optimizer${Object.keys(args).length ? `, ${kwargs(args)}` : ""})`,
    uses,
  });
  switch (spec.type) {
    case "step":
      return int(o.stepSize)
        ? make(o.lr as number, "StepLR", { step_size: o.stepSize, gamma: o.gamma })
        : undefined;
    case "multiStep":
      return (o.milestones as number[]).every(int)
        ? make(o.lr as number, "MultiStepLR", { milestones: o.milestones, gamma: o.gamma })
        : undefined;
    case "exponential":
      return o.decaySteps === 1 && o.transitionBegin === 0 && o.endLr === undefined
        ? make(o.lr as number, "ExponentialLR", { gamma: o.gamma })
        : undefined;
    case "cosine": {
      const fits = o.after === "periodic" || steps <= (o.steps as number) + 1;
      return fits && int(o.steps) && o.exponent === 1 && o.k === 1
        ? make(o.lr as number, "CosineAnnealingLR", { T_max: o.steps, eta_min: o.minLr })
        : undefined;
    }
    case "linear": {
      const [from, to] = [o.from as number, o.to as number];
      const base = Math.max(from, to);
      return int(o.steps) && from > 0
        ? make(base, "LinearLR", { start_factor: from / base, end_factor: to / base, total_iters: o.steps })
        : undefined;
    }
    case "polynomial":
      return !o.cycle && o.endLr === 0 && int(o.steps)
        ? make(o.lr as number, "PolynomialLR", { total_iters: o.steps, power: o.power })
        : undefined;
    case "sgdr":
      return o.decay === 1 && o.cycleLimit === undefined && o.k === 1 && int(o.period) && int(o.periodMult)
        ? make(o.lr as number, "CosineAnnealingWarmRestarts", {
            T_0: o.period,
            T_mult: o.periodMult,
            eta_min: o.minLr,
          })
        : undefined;
    case "oneCycle":
      return steps <= (o.steps as number)
        ? make(o.maxLr as number, "OneCycleLR", {
            max_lr: o.maxLr,
            total_steps: o.steps,
            pct_start: o.pctStart,
            anneal_strategy: o.anneal,
            div_factor: o.divFactor,
            final_div_factor: o.finalDivFactor,
            three_phase: o.threePhase,
            cycle_momentum: false,
          })
        : undefined;
    case "cyclic": {
      const custom = o.scale as string | undefined;
      const args: Record<string, unknown> = {
        base_lr: o.baseLr,
        max_lr: o.maxLr,
        step_size_up: o.stepsUp,
        step_size_down: o.stepsDown,
        mode: o.mode,
        gamma: o.gamma,
      };
      const scale =
        custom === undefined
          ? ""
          : `, scale_fn=lambda x: ${custom}, scale_mode=${py(o.scaleMode ?? "cycle")}`;
      const native = make(o.baseLr as number, "CyclicLR", { ...args, cycle_momentum: false }, custom ?? "");
      return { ...native, scheduler: native.scheduler.replace(/\)$/, `${scale})`) };
    }
    default:
      return undefined;
  }
}

/**
 * A standalone PyTorch script reproducing the schedule: it builds `torch.optim.SGD` and the
 * scheduler, and prints the lr used at each of `steps` steps as one JSON array. A native scheduler
 * where PyTorch has one that gives the same values over those steps (`StepLR`, `MultiStepLR`,
 * `ExponentialLR`, `CosineAnnealingLR`, `LinearLR`, `PolynomialLR`, `CosineAnnealingWarmRestarts`,
 * `OneCycleLR`, `CyclicLR`); otherwise `LambdaLR` with lrkit's closed form (see `closedForm`) on an
 * optimizer lr of 1.0, or, for noise and presets, a table of the values when `steps` is given.
 *
 * @param schedule - a schedule or its spec.
 * @param options - the number of steps. Defaults to the horizon, or 100.
 * @throws ExportError when there is no closed form and no `steps`; `SpecError` for an invalid spec.
 * @example
 * ```ts
 * const script = toPyTorch(parseSchedule("warmup(cosine(lr=0.3, steps=25, minLr=0.01), steps=5)"));
 * // python3 -c "$script" prints [0.05, 0.1, ...]
 * ```
 */
export function toPyTorch(schedule: Schedule | ScheduleSpec, options: ExportOptions = {}): string {
  return Array.from(pyTorchCode(schedule, options)).join("");
}

/**
 * {@link toPyTorch}'s script as pieces of text, in order: a table of values is produced as the
 * pieces are read, so that memory does not grow with `steps`.
 *
 * @param schedule - a schedule or its spec.
 * @param options - the number of steps. Defaults to the horizon, or 100.
 * @throws as {@link toPyTorch}, when called.
 */
export function pyTorchCode(
  schedule: Schedule | ScheduleSpec,
  options: ExportOptions = {},
): Iterable<string> {
  const r = resolve(schedule, options);
  const native = nativeOf(r.spec, r.steps);
  const lines: string[] = [];
  let uses = native?.uses ?? r.form ?? "";
  let lr = 1.0;
  let build: string;
  let body: string[] = [];
  if (native) {
    lr = native.lr;
    build = native.scheduler;
  } else if (r.form !== undefined) {
    body = [
      "def lr_lambda(t):",
      '    """The lr at step t, in closed form (LambdaLR multiplies it by the optimizer\'s lr, 1.0)."""',
      `    return ${r.form}`,
    ];
    build = "lr_scheduler.LambdaLR(optimizer, lr_lambda)";
  } else {
    uses = "";
    body = [
      "# lrkit has no closed form for this schedule: these are its values at steps 0 .. STEPS - 1.",
      `LRS = ${TABLE}`,
    ];
    build = "lr_scheduler.LambdaLR(optimizer, lambda t: LRS[min(t, len(LRS) - 1)])";
  }
  const imports = mathImports(uses);
  lines.push(
    header("pytorch", r.spec, [
      "A standalone script (torch and the standard library only). It prints, as one JSON array, the lr",
      `the optimizer uses at each of the first ${r.steps} steps: compare with`,
      `\`lrkit sample '<spec>' --steps ${r.steps} --json\`.`,
    ]),
    "import json",
    ...(imports.length ? [`from math import ${imports.join(", ")}`] : []),
    "",
    "import torch",
    "from torch.optim import lr_scheduler",
    "",
    `STEPS = ${r.steps}`,
    "",
  );
  if (body.length) lines.push("", ...body, "", "");
  lines.push(
    "params = [torch.nn.Parameter(torch.zeros(1))]",
    `optimizer = torch.optim.SGD(params, lr=${py(lr)})`,
    `scheduler = ${build}`,
    "",
    "lrs = []",
    "for _ in range(STEPS):",
    '    lrs.append(optimizer.param_groups[0]["lr"])',
    "    optimizer.step()",
    "    scheduler.step()",
    "print(json.dumps(lrs))",
    "",
  );
  return withTable(lines.join("\n").replace(/\n{4,}/g, "\n\n\n"), r.schedule, r.steps);
}
