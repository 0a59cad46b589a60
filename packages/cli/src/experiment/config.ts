/**
 * The configuration of `lrkit compare`: one model, one dataset, one optimizer and one seed, trained
 * under several schedules. Validated with zod; every error names its path (`schedules[1].unit`).
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { dirname, resolve } from "node:path";
import * as z from "zod";
import {
  fromSpec,
  parseSchedule,
  SpecError,
  SpecSyntaxError,
  toText,
  type Schedule,
  type ScheduleSpec,
} from "lrkit";
import { OPTIMIZER_NAMES, type OptimizerName, type OptimizerOptions } from "@lrkit/tfjs";
import { CliError } from "../io.js";
import { DATASETS, MODELS, type DatasetName, type ModelName } from "./resources.js";

const names = <T extends string>(xs: readonly T[]) => xs as unknown as [T, ...T[]];

/** Figures published for a run (a paper's or a book's), shown beside the measured ones. */
const published = z.strictObject({
  trainLoss: z.number().optional(),
  trainAcc: z.number().min(0).max(1).optional(),
  testAcc: z.number().min(0).max(1).optional(),
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

const optimizerOptions = z.strictObject({
  momentum: z.number().optional(),
  nesterov: z.boolean().optional(),
  beta1: z.number().optional(),
  beta2: z.number().optional(),
  epsilon: z.number().optional(),
  decay: z.number().optional(),
  rho: z.number().optional(),
  centered: z.boolean().optional(),
  initialAccumulatorValue: z.number().optional(),
});

/** The schema of a compare config file. */
export const compareConfigSchema = z
  .strictObject({
    model: z.enum(names(Object.keys(MODELS) as ModelName[])).default("lenet"),
    dataset: z.enum(names(Object.keys(DATASETS) as DatasetName[])).default("fashion-mnist"),
    trainSize: z.int().positive().optional().describe("Training examples (a prefix). Defaults to all."),
    testSize: z.int().positive().optional().describe("Test examples (a prefix). Defaults to all."),
    epochs: z.int().positive(),
    batchSize: z.int().positive().default(256),
    optimizer: z.enum(names(OPTIMIZER_NAMES)).default("sgd"),
    optimizerOptions: optimizerOptions.optional(),
    seed: z.int().nonnegative().default(0).describe("The weights' and the data order's seed."),
    schedules: z.array(scheduleEntry).min(1),
  })
  .superRefine((config, ctx) => {
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

/** One run of a compare: a named schedule and its unit. */
export interface RunSpec {
  readonly name: string;
  /** The schedule's JSON spec. */
  readonly spec: ScheduleSpec;
  /** The spec in the text syntax. */
  readonly text: string;
  readonly unit: "epoch" | "batch";
  readonly note?: string;
  readonly published?: z.infer<typeof published>;
}

/** A validated compare config: defaults filled in, every spec built and turned into JSON. */
export interface CompareConfig {
  readonly model: ModelName;
  readonly dataset: DatasetName;
  /** Undefined: the whole training set. */
  readonly trainSize?: number;
  /** Undefined: the whole test set. */
  readonly testSize?: number;
  readonly epochs: number;
  readonly batchSize: number;
  readonly optimizer: OptimizerName;
  readonly optimizerOptions?: Omit<OptimizerOptions, "lr">;
  readonly seed: number;
  readonly schedules: readonly RunSpec[];
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
 * @param baseDir - where `@file` specs are looked up. Defaults to the working directory.
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
  const schedules: RunSpec[] = [];
  c.schedules.forEach((entry, i) => {
    try {
      const schedule = buildSpec(entry.spec, baseDir);
      schedules.push({
        name: entry.name,
        spec: schedule.spec,
        text: toText(schedule.spec),
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
    model: c.model,
    dataset: c.dataset,
    ...(c.trainSize !== undefined ? { trainSize: c.trainSize } : {}),
    ...(c.testSize !== undefined ? { testSize: c.testSize } : {}),
    epochs: c.epochs,
    batchSize: c.batchSize,
    optimizer: c.optimizer,
    ...(c.optimizerOptions !== undefined ? { optimizerOptions: c.optimizerOptions } : {}),
    seed: c.seed,
    schedules,
  };
}

/**
 * Reads, parses and validates a config file; `@file` specs in it are relative to its directory.
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
