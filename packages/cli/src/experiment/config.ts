/**
 * The configuration of `lrkit compare`: one model and its data (the bundled demo, a saved model
 * with CSV files, or an experiment module), one optimizer and one seed, trained under several
 * schedules. Validated with zod; every error names its path (`schedules[1].unit`).
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import * as z from "zod";
import { fromSpec, parseSchedule, SpecError, SpecSyntaxError, type Schedule } from "lrkit";
import "lrkit/presets"; // the anchors' presets, by name in schedules
import type { HalvingOptions, ScheduleEntry } from "@lrkit/compare";
import {
  OPTIMIZER_NAMES,
  OPTIMIZERS,
  OPTION_KINDS,
  type OptimizerName,
  type OptimizerOptions,
  type OptionKind,
} from "@lrkit/tfjs";
import { CliError } from "../io.js";
import type { SourceSpec } from "./source.js";

const names = <T extends string>(xs: readonly T[]) => xs as unknown as [T, ...T[]];
const columns = z.union([z.string().trim().min(1), z.array(z.string().trim().min(1)).min(1)]);

/** A CSV file of examples. */
const csvSource = z.strictObject({
  csv: z.string().trim().min(1).describe("The file, relative to the config file."),
  label: columns.describe("The label column(s), by header name."),
  features: z
    .array(z.string().trim().min(1))
    .min(1)
    .optional()
    .describe("The feature columns. Defaults to every other column."),
  target: z
    .enum(["oneHot", "index", "value"])
    .optional()
    .describe("How labels become targets. Defaults to what the model's loss takes."),
  classes: z.array(z.string()).min(1).optional().describe("The class names in index order."),
});

/** Figures published for a run (a paper's or a book's), shown beside the measured ones. */
const published = z.strictObject({
  metrics: z.record(z.string(), z.number()).describe("By log name: loss, acc, val_loss, val_acc, ..."),
  source: z.string().optional().describe("Where the figures come from."),
});

const scheduleEntry = z.strictObject({
  name: z.string().trim().min(1).describe("The run's name in the report."),
  spec: z
    .union([z.string().trim().min(1), z.record(z.string(), z.unknown())])
    .describe("A spec: a JSON object, the text syntax, or @file (relative to the config file)."),
  unit: z.enum(["epoch", "batch"]).default("epoch").describe("What one schedule step is."),
  note: z.string().optional().describe("A remark printed under the run in the report."),
  published: published.optional(),
});

/** An option of the optimizers, as its kind in @lrkit/tfjs's `OPTION_KINDS` allows it. */
function optionSchema(kind: OptionKind): z.ZodBoolean | z.ZodNumber {
  if (kind === "boolean") return z.boolean();
  const above = kind.openMin ? z.number().gt(kind.min) : z.number().gte(kind.min);
  return kind.max === Infinity ? above : above.lt(kind.max);
}

/** Every option of @lrkit/tfjs's optimizers but the lr (which the schedules give). */
const optimizerOptions = z.strictObject(
  Object.fromEntries(
    Object.entries(OPTION_KINDS)
      .filter(([name]) => name !== "lr")
      .map(([name, kind]) => [name, optionSchema(kind).optional()]),
  ),
);

const lossName = z.string().trim().min(1);

/** The schema of a compare config file. */
export const compareConfigSchema = z
  .strictObject({
    model: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe('A bundled model ("lenet", "mlp") or a saved model\'s model.json. Defaults to "lenet".'),
    data: z
      .union([z.string().trim().min(1), csvSource])
      .optional()
      .describe('A bundled dataset ("fashion-mnist", "mnist") or a CSV file. Defaults to "fashion-mnist".'),
    validation: csvSource
      .optional()
      .describe("Validation examples in a CSV file, evaluated after each epoch."),
    module: z
      .string()
      .trim()
      .min(1)
      .optional()
      .describe("Instead of model and data: an ES module exporting model() and data() (and validation())."),
    moduleOptions: z.json().optional().describe("What the module's functions receive."),
    trainSize: z
      .int()
      .positive()
      .optional()
      .describe("Bundled data: training examples (a prefix). Defaults to all."),
    testSize: z
      .int()
      .positive()
      .optional()
      .describe("Bundled data: test examples (a prefix). Defaults to all."),
    epochs: z.int().positive(),
    batchSize: z.int().positive().default(32),
    optimizer: z
      .enum(names(OPTIMIZER_NAMES))
      .optional()
      .describe("Defaults to the model's compiled optimizer, else sgd."),
    optimizerOptions: optimizerOptions
      .optional()
      .describe(
        "The optimizer's options (momentum, beta1, ...): those @lrkit/tfjs's OPTIMIZERS lists for it.",
      ),
    loss: z
      .union([lossName, z.array(lossName).min(1), z.record(z.string(), lossName)])
      .optional()
      .describe("The loss, by name, when not the model's compiled one."),
    seed: z
      .int()
      .nonnegative()
      .default(0)
      .describe("The data order's seed (and the bundled models' weights')."),
    halving: z
      .strictObject({
        minEpochs: z.int().positive().describe("Epochs of the first rung."),
        eta: z.number().gt(1).default(2).describe("The reduction factor: the best 1/eta go on."),
      })
      .optional()
      .describe("Successive halving of the runs (as --halving, which overrides it). Defaults to none."),
    schedules: z.array(scheduleEntry).min(1),
  })
  .superRefine((config, ctx) => {
    const { optimizer } = config;
    if (optimizer !== undefined) {
      const takes = Object.keys(OPTIMIZERS[optimizer].options);
      for (const [name, value] of Object.entries(config.optimizerOptions ?? {}))
        if (value !== undefined && !takes.includes(name))
          ctx.addIssue({
            code: "custom",
            path: ["optimizerOptions", name],
            message: `${optimizer} has no option "${name}" (its options: ${takes.join(", ") || "none but the lr"})`,
          });
    }
    const seen = new Map<string, number>();
    config.schedules.forEach((s, i) => {
      const first = seen.get(s.name);
      if (first !== undefined)
        ctx.addIssue({
          code: "custom",
          path: ["schedules", i, "name"],
          message: `duplicate name "${s.name}" (also schedules[${first}].name)`,
        });
      else seen.set(s.name, i);
    });
  });

/** A compare config as written (before its specs are built). */
export type CompareConfigInput = z.input<typeof compareConfigSchema>;

/** A validated compare config: defaults filled in, every spec built, paths relative to `baseDir`. */
export interface CompareConfig {
  /** The model and the data. */
  readonly source: SourceSpec;
  /** Where the config's paths are relative to. */
  readonly baseDir: string;
  readonly epochs: number;
  readonly batchSize: number;
  readonly optimizer?: OptimizerName;
  readonly optimizerOptions?: Omit<OptimizerOptions, "lr">;
  readonly seed: number;
  /** Successive halving of the runs, when the config asks for it. */
  readonly halving?: HalvingOptions;
  readonly schedules: readonly (ScheduleEntry & { readonly schedule: Schedule })[];
}

/** `a.b[2].c` from a zod path. */
export function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === "number" ? `[${k}]` : `${i === 0 ? "" : "."}${String(k)}`))
    .join("");
}

function buildSpec(spec: string | Record<string, unknown>, baseDir: string): Schedule {
  if (typeof spec !== "string") return fromSpec(spec);
  if (!spec.startsWith("@")) return parseSchedule(spec);
  const file = resolve(baseDir, spec.slice(1));
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new SpecError("$", `cannot read spec file ${file}: ${(e as Error).message}`);
  }
  return parseSchedule(text);
}

/**
 * Validates a config object and builds its schedules.
 *
 * @param value - the parsed JSON.
 * @param where - the config's name in error messages (its file).
 * @param baseDir - where relative paths (`@file` specs, model.json, CSV files, the module) are
 *   looked up. Defaults to the working directory.
 * @throws {@link CliError} listing every problem as `where: path: message`.
 */
export function parseCompareConfig(value: unknown, where = "config", baseDir = "."): CompareConfig {
  const parsed = compareConfigSchema.safeParse(value);
  if (!parsed.success) {
    const lines = parsed.error.issues.map(
      (issue) => `  ${formatPath(issue.path) || "(top level)"}: ${issue.message}`,
    );
    throw new CliError(`invalid ${where}:\n${lines.join("\n")}`);
  }
  const c = parsed.data;
  const problems: string[] = [];
  const schedules: (ScheduleEntry & { schedule: Schedule })[] = [];
  c.schedules.forEach((entry, i) => {
    try {
      schedules.push({
        name: entry.name,
        schedule: buildSpec(entry.spec, baseDir),
        unit: entry.unit,
        ...(entry.note !== undefined ? { note: entry.note } : {}),
        ...(entry.published !== undefined ? { published: entry.published } : {}),
      });
    } catch (e) {
      if (!(e instanceof SpecError || e instanceof SpecSyntaxError)) throw e;
      problems.push(`  schedules[${i}].spec: ${e.message}`);
    }
  });
  if (problems.length) throw new CliError(`invalid ${where}:\n${problems.join("\n")}`);
  return {
    source: {
      model: c.model,
      data: c.data,
      validation: c.validation,
      module: c.module,
      moduleOptions: c.moduleOptions,
      trainSize: c.trainSize,
      testSize: c.testSize,
      loss: c.loss,
      seed: c.seed,
    },
    baseDir: resolve(baseDir),
    epochs: c.epochs,
    batchSize: c.batchSize,
    ...(c.optimizer !== undefined ? { optimizer: c.optimizer } : {}),
    // Each option checked against its kind in OPTION_KINDS, which OptimizerOptions types.
    ...(c.optimizerOptions !== undefined
      ? { optimizerOptions: c.optimizerOptions as Omit<OptimizerOptions, "lr"> }
      : {}),
    seed: c.seed,
    ...(c.halving !== undefined ? { halving: c.halving } : {}),
    schedules,
  };
}

/**
 * Reads, parses and validates a config file; its relative paths are relative to its directory.
 *
 * @throws {@link CliError} when the file cannot be read, is not JSON, or is invalid.
 */
export function readCompareConfig(file: string): CompareConfig {
  let text: string;
  try {
    text = readFileSync(file, "utf8");
  } catch (e) {
    throw new CliError(`cannot read config file ${file}: ${(e as Error).message}`);
  }
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (e) {
    throw new CliError(`config file ${file} is not JSON: ${(e as Error).message}`);
  }
  return parseCompareConfig(value, file, dirname(resolve(file)));
}
