/**
 * `lrkit lint <spec> --steps N [--json]`: diagnostics of a schedule against a training plan. Exits
 * with 1 when there is an error-level diagnostic.
 *
 * @module
 */
import type { Command } from "commander";
import { Option } from "commander";
import { lint, type Diagnostic, type TrainingPlan } from "lrkit";
import { CliError, type Io } from "../io.js";
import { atMost, positiveInt } from "../options.js";
import { scheduleArg } from "../specArg.js";

interface LintOptions {
  steps: number;
  unit: "batch" | "epoch";
  stepsPerEpoch?: number;
  epochs?: number;
  json?: boolean;
}

const ICON: Record<Diagnostic["severity"], string> = {
  error: "error  ",
  warning: "warning",
  info: "info   ",
};

/** The most steps lint checks: it holds the value of every step (8 bytes each) in memory. */
export const MAX_LINT_STEPS = 100_000_000;

/** Diagnostics as text: one block per finding, then a count. */
export function formatDiagnostics(ds: readonly Diagnostic[]): string {
  if (ds.length === 0) return "no problems found\n";
  const blocks = ds.map(
    (d) =>
      `${ICON[d.severity]} ${d.code}${d.step === null ? "" : ` (step ${d.step})`}\n  ${d.message}\n  fix: ${d.fix}\n`,
  );
  const count = (s: Diagnostic["severity"]) => ds.filter((d) => d.severity === s).length;
  const parts = (["error", "warning", "info"] as const)
    .filter((s) => count(s) > 0)
    .map((s) => `${count(s)} ${s}${count(s) > 1 ? "s" : ""}`);
  return `${blocks.join("\n")}\n${ds.length} problem${ds.length > 1 ? "s" : ""} (${parts.join(", ")})\n`;
}

/** Adds the `lint` command to `program`. */
export function lintCommand(program: Command, io: Io): void {
  program
    .command("lint")
    .description("check a schedule against a training plan (exit code 1 on an error)")
    .argument("<spec>", "the schedule: JSON, the text syntax, or @file")
    .requiredOption("-n, --steps <n>", "how many times the schedule is stepped", positiveInt)
    .addOption(new Option("--unit <unit>", "what one step is").choices(["batch", "epoch"]).default("batch"))
    .option("--steps-per-epoch <k>", "batches per epoch", positiveInt)
    .option("--epochs <e>", "epochs of the run", positiveInt)
    .option("--json", "print a JSON array of {code, severity, step, message, fix}")
    .action((spec: string, opts: LintOptions) => {
      atMost("lint", "--steps", opts.steps, MAX_LINT_STEPS, "lint holds every step's value in memory");
      const plan: TrainingPlan = {
        steps: opts.steps,
        unit: opts.unit,
        ...(opts.stepsPerEpoch !== undefined ? { stepsPerEpoch: opts.stepsPerEpoch } : {}),
        ...(opts.epochs !== undefined ? { epochs: opts.epochs } : {}),
      };
      let ds: Diagnostic[];
      try {
        ds = lint(scheduleArg(spec), plan);
      } catch (e) {
        if (e instanceof RangeError) throw new CliError(e.message);
        throw e;
      }
      io.out(opts.json ? `${JSON.stringify(ds, null, 2)}\n` : formatDiagnostics(ds));
      const errors = ds.filter((d) => d.severity === "error").length;
      if (errors > 0) throw new CliError(`lint found ${errors} error${errors > 1 ? "s" : ""}`, 1);
    });
}
