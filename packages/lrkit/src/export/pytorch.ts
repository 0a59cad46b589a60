/**
 * Export to PyTorch: a standalone script (torch and the standard library only; transformers or timm
 * too for a Hugging Face or timm preset, which is exported as its anchor's own scheduler) that builds
 * an optimizer and the scheduler, steps it, and prints the lr of every step as a JSON array, so the
 * export can be checked against `lrkit sample` in real PyTorch.
 *
 * @module
 */
import type { Schedule, ScheduleSpec } from "../schedule.js";
import { nativeOf } from "./native.js";
import { header, mathImports, TABLE, withTable } from "./python.js";
import { py } from "./pythonLiteral.js";
import { resolve, type ExportOptions } from "./resolve.js";

/**
 * A standalone PyTorch script reproducing the schedule: it builds `torch.optim.SGD` and the
 * scheduler, and prints the lr used at each of `steps` steps as one JSON array. A native scheduler
 * where PyTorch has one that gives the same values over those steps (the registry entries'
 * `native.pytorch`: `StepLR`, `MultiStepLR`, `ExponentialLR`, `CosineAnnealingLR`, `LinearLR`,
 * `PolynomialLR`, `CosineAnnealingWarmRestarts`, `OneCycleLR`, `CyclicLR`; a Hugging Face preset's
 * own `transformers` function; a timm preset's own `timm.scheduler` class, stepped with
 * `scheduler.step(t)` before step t's lr is read, as timm's `train.py` steps it per epoch; a
 * preset's core composition's); otherwise `LambdaLR` with lrkit's closed form (see `closedForm`)
 * on an optimizer lr of 1.0, or, for noise and presets, a table of the values when `steps` is given.
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
  const r = resolve(schedule, options, (spec, steps) => nativeOf(spec, "pytorch", steps));
  const native = r.native;
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
      `A standalone script (${["torch", ...(native?.modules ?? [])].join(", ")} and the standard library only). It prints, as one JSON array, the lr`,
      `the optimizer uses at each of the first ${r.steps} steps: compare with`,
      `\`lrkit sample '<spec>' --steps ${r.steps} --json\`.`,
    ]),
    "import json",
    ...(imports.length ? [`from math import ${imports.join(", ")}`] : []),
    "",
    "import torch",
    "from torch.optim import lr_scheduler",
    ...(native?.imports ?? (native?.modules ?? []).map((m) => `import ${m}`)),
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
    ...(native?.step === undefined
      ? [
          "for _ in range(STEPS):",
          '    lrs.append(optimizer.param_groups[0]["lr"])',
          "    optimizer.step()",
          "    scheduler.step()",
        ]
      : [
          "for t in range(STEPS):",
          `    ${native.step}`,
          '    lrs.append(optimizer.param_groups[0]["lr"])',
          "    optimizer.step()",
        ]),
    "print(json.dumps(lrs))",
    "",
  );
  return withTable(lines.join("\n").replace(/\n{4,}/g, "\n\n\n"), r.schedule, r.steps);
}
