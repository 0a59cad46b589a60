import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CompareResults } from "@lrkit/compare";
import { runCli } from "../test/runCli.js";

// `lrkit compare --from` on corrupted results: real results (a compare of three schedules on the
// compare package's test module, with the range test of `lrkit find --seeds` in them, as `lrkit
// demo` writes), then cut short, garbled, retyped, emptied and made to disagree with themselves.
// Each is refused in one line naming the file and the JSON path, and no report is written.

const MODULE = fileURLToPath(new URL("../../../compare/src/test/blobsExperiment.ts", import.meta.url));

const dir = mkdtempSync(join(tmpdir(), "lrkit-from-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** What the corruptions edit: the results, loosely typed. */
type Loose = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any

let results: CompareResults;
let text: string;

beforeAll(async () => {
  writeFileSync(
    join(dir, "config.json"),
    JSON.stringify({
      module: MODULE,
      epochs: 2,
      batchSize: 32,
      seed: 1,
      schedules: [
        { name: "constant", spec: "constant(lr=0.01)" },
        { name: "step", spec: "step(lr=0.01, stepSize=1, gamma=0.5)" },
        { name: "cosine", spec: "cosine(lr=0.02, steps=16)", unit: "batch" },
      ],
    }),
  );
  const out = join(dir, "real");
  const compared = await runCli([
    "compare",
    "--config",
    join(dir, "config.json"),
    "--workers",
    "1",
    "--out",
    out,
  ]);
  if (compared.code !== 0) throw new Error(compared.err);
  const found = await runCli([
    "find",
    ...["--module", MODULE, "--seeds", "1,2", "--iterations", "20", "--batch", "16", "--json"],
  ]);
  if (found.code !== 0) throw new Error(found.err);
  results = {
    ...(JSON.parse(readFileSync(join(out, "results.json"), "utf8")) as CompareResults),
    finder: JSON.parse(found.out) as CompareResults["finder"],
  };
  text = `${JSON.stringify(results, null, 1)}\n`;
}, 120_000);

/** The results edited by `edit`, as the file's text. */
const edited = (edit: (r: Loose) => void) => {
  const r = structuredClone(results) as Loose;
  edit(r);
  return JSON.stringify(r, null, 1);
};

/** The text up to `length` characters past the first `marker` after `after`. */
const cutAt = (marker: string, length: number, after = "") => {
  const at = text.indexOf(marker, text.indexOf(after));
  return text.slice(0, at + length);
};

/** The text with `value`, the first after `after`, written as `as`. */
const rewrite = (value: number, as: string, after: string) => {
  const at = text.indexOf(String(value), text.indexOf(after));
  return text.slice(0, at) + as + text.slice(at + String(value).length);
};

const loss = (run: number, epoch: number) => results.runs[run]!.epochs[epoch]!.metrics.loss!;

/** Bytes that are no text: a PNG's signature, then seeded noise. */
const garbage = () => {
  let s = 7;
  const noise = Array.from({ length: 400 }, () => (s = (s * 1103515245 + 12345) % 2147483648) % 256);
  return Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, ...noise]);
};

const NOT_JSON = "is not JSON";
const NOT_RESULTS = "is not a results file of lrkit compare (lrkit-compare-results/1)";

/**
 * [what, the corrupted file's content, how it is refused, the JSON path, the message's start (a
 * function when it holds a value of the real results)].
 */
const CORRUPTIONS: [string, () => string | Buffer, string, string, string | (() => string)][] = [
  ["an empty file", () => "", NOT_JSON, "$", "the file is empty"],
  ["binary garbage", garbage, NOT_JSON, "$", 'unexpected character "\uFFFD"'],
  ["the first character only", () => "{", NOT_JSON, "$", "the file ends early (line 1, column 2)"],
  [
    "a file cut inside a run's name",
    () => cutAt('"step"', 3),
    NOT_JSON,
    "$.runs[1].name",
    "the file ends early",
  ],
  [
    "a file cut inside a number",
    () => cutAt('"val_loss"', 15, '"name": "cosine"'),
    NOT_JSON,
    "$.runs[2].epochs[0].metrics.val_loss",
    "the file ends early",
  ],
  [
    "a file cut after an epoch's opening brace",
    () => cutAt('"epoch": 1', 0, '"name": "step"'),
    NOT_JSON,
    "$.runs[1].epochs[1]",
    "the file ends early",
  ],
  [
    "NaN where a number goes",
    () => rewrite(loss(0, 1), "NaN", '"name": "constant"'),
    NOT_JSON,
    "$.runs[0].epochs[1].metrics.loss",
    'unexpected character "N"',
  ],
  ["two files in one", () => text + text, NOT_JSON, "$", "more text after the end of the value"],
  [
    "a comment added by hand",
    () => text.replace('\n "machine": {', '\n // edited\n "machine": {'),
    NOT_JSON,
    "$",
    "a comment (JSON has none)",
  ],
  ["a list, not an object", () => "[]", NOT_RESULTS, "$", "expected object, got an empty list"],
  ["null", () => "null", NOT_RESULTS, "$", "expected object, got null"],
  [
    "an unknown format version",
    () => edited((r) => (r.format = "lrkit-compare-results/2")),
    NOT_RESULTS,
    "$.format",
    'expected "lrkit-compare-results/1", got "lrkit-compare-results/2"',
  ],
  [
    "no format",
    () => edited((r) => delete r.format),
    NOT_RESULTS,
    "$.format",
    'missing (expected "lrkit-compare-results/1")',
  ],
  ["no runs", () => edited((r) => (r.runs = [])), NOT_RESULTS, "$.runs", "expected array to have >=1 items"],
  [
    "no experiment",
    () => edited((r) => delete r.experiment),
    NOT_RESULTS,
    "$.experiment",
    "missing (expected object)",
  ],
  [
    "a string for a loss",
    () => edited((r) => (r.runs[1].epochs[1].metrics.loss = "0.5")),
    NOT_RESULTS,
    "$.runs[1].epochs[1].metrics.loss",
    'expected number, got "0.5"',
  ],
  [
    "an infinite time (1e999)",
    () => rewrite(results.runs[0]!.epochs[0]!.seconds, "1e999", '"name": "constant"'),
    NOT_RESULTS,
    "$.runs[0].epochs[0].seconds",
    "expected number, got Infinity",
  ],
  [
    "a string for a count",
    () => edited((r) => (r.machine.cores = "2")),
    NOT_RESULTS,
    "$.machine.cores",
    'expected number, got "2"',
  ],
  [
    "a field the format does not have",
    () => edited((r) => (r.runs[0].colour = "red")),
    NOT_RESULTS,
    "$.runs[0].colour",
    "not a field of this format",
  ],
  [
    "a completed run without its last epoch",
    () => edited((r) => r.runs[1].epochs.pop()),
    NOT_RESULTS,
    "$.runs[1].epochs",
    "a completed run has the experiment's 2 epochs, got 1",
  ],
  [
    "more epochs declared than the runs have (1e9: the report sampled them all)",
    () => edited((r) => (r.experiment.epochs = 1e9)),
    NOT_RESULTS,
    "$.runs[0].epochs",
    "a completed run has the experiment's 1000000000 epochs, got 2",
  ],
  [
    "epochs out of order",
    () => edited((r) => (r.runs[0].epochs[1].epoch = 0)),
    NOT_RESULTS,
    "$.runs[0].epochs[1].epoch",
    "expected 1 (epochs in order from 0), got 0",
  ],
  [
    "an epoch without a logged value",
    () => edited((r) => delete r.runs[1].epochs[0].metrics.val_acc),
    NOT_RESULTS,
    "$.runs[1].epochs[0].metrics.val_acc",
    "missing (every epoch logs loss, acc, val_loss, val_acc)",
  ],
  [
    "two runs of one name",
    () => edited((r) => (r.runs[2].name = "constant")),
    NOT_RESULTS,
    "$.runs[2].name",
    '"constant" is the name of $.runs[0] too',
  ],
  [
    "a spec of an unknown type",
    () => edited((r) => (r.runs[0].spec = { type: "cosinus", lr: 0.01 })),
    NOT_RESULTS,
    "$.runs[0].spec.type",
    'unknown schedule type "cosinus"',
  ],
  [
    "a spec with a bad parameter",
    () => edited((r) => (r.runs[1].spec.gamma = -1)),
    NOT_RESULTS,
    "$.runs[1].spec.gamma",
    "step: gamma must be a non-negative number, got -1",
  ],
  [
    "a spec edited, its text not",
    () => edited((r) => (r.runs[1].spec.gamma = 0.25)),
    NOT_RESULTS,
    "$.runs[1].text",
    '"step(lr=0.01, stepSize=1, gamma=0.5)" is not the schedule of $.runs[1].spec',
  ],
  [
    "final figures that are not the last epoch's",
    () => edited((r) => (r.runs[0].final.metrics.loss = 0.1)),
    NOT_RESULTS,
    "$.runs[0].final.metrics.loss",
    () => `expected ${loss(0, 1)}, the last epoch's, got 0.1`,
  ],
  [
    "a best epoch that does not exist",
    () => edited((r) => (r.runs[0].final.best.epoch = 7)),
    NOT_RESULTS,
    "$.runs[0].final.best",
    "expected the best val_acc of the epochs",
  ],
  [
    "a headline that is not logged",
    () => edited((r) => (r.experiment.headline = "val_top5")),
    NOT_RESULTS,
    "$.experiment.headline",
    'expected one of the logged values (loss, acc, val_loss, val_acc), got "val_top5"',
  ],
  [
    "a skipped run with epochs",
    () => edited((r) => (r.runs[1].status = "skipped")),
    NOT_RESULTS,
    "$.runs[1].status",
    '"skipped" (never started), but the run has 2 epochs',
  ],
  [
    "a range test with a loss missing",
    () => edited((r) => r.finder.losses.pop()),
    NOT_RESULTS,
    "$.finder.losses",
    "expected 20 values, one per lr, got 19",
  ],
  [
    "a second sweep cut short",
    () => edited((r) => r.finder.sweeps[1].smoothed.pop()),
    NOT_RESULTS,
    "$.finder.sweeps[1].smoothed",
    "expected 20 values, one per lr, got 19",
  ],
  [
    "a negative lr in the range test",
    () => edited((r) => (r.finder.lrs[3] = -1)),
    NOT_RESULTS,
    "$.finder.lrs[3]",
    "expected number to be >0, got -1",
  ],
  [
    "a range test without sweeps",
    () => edited((r) => (r.finder.sweeps = [])),
    NOT_RESULTS,
    "$.finder.sweeps",
    "expected array to have >=1 items",
  ],
  [
    "a recommended method that made no suggestion",
    () => edited((r) => (r.finder.recommended = "oracle")),
    NOT_RESULTS,
    "$.finder.recommended",
    'expected null or a method with an lr in $.finder.suggestions, got "oracle"',
  ],
  [
    "a step count that is not the sweeps'",
    () => edited((r) => (r.finder.iterations = 3)),
    NOT_RESULTS,
    "$.finder.iterations",
    "expected 40, the steps of the sweeps, got 3",
  ],
  [
    "a derived schedule without its lr",
    () => edited((r) => delete r.finder.schedules.oneCycle.maxLr),
    NOT_RESULTS,
    "$.finder.schedules.oneCycle.maxLr",
    "oneCycle: maxLr is required",
  ],
];

describe("lrkit compare --from", () => {
  it("renders the real results, the range test included (the files below are these, corrupted)", async () => {
    writeFileSync(join(dir, "results.json"), text);
    const out = join(dir, "report");
    expect(await runCli(["compare", "--from", join(dir, "results.json"), "--out", out])).toEqual({
      code: 0,
      out: `report: ${join(out, "report.html")}\n`,
      err: "",
    });
    expect(readFileSync(join(out, "report.html"), "utf8")).toContain('<h2 id="finder">LR range test</h2>');
    expect(results.finder!.sweeps.map((s) => s.seed)).toEqual([1, 2]);
  });

  it.each(
    CORRUPTIONS.map(([what, content, refusal, path, message], i) => ({
      n: i + 1,
      what,
      content,
      refusal,
      path,
      message,
    })),
  )(
    "refuses $what (case $n): exit code 2, one line naming the file and $path, no report",
    async ({ n, content, refusal, path, message }) => {
      const file = join(dir, `corrupt-${n}.json`);
      const out = join(dir, `out-${n}`);
      writeFileSync(file, content());
      const { code, out: stdout, err } = await runCli(["compare", "--from", file, "--out", out]);
      expect({ code, stdout }).toEqual({ code: 2, stdout: "" });
      const expected = `lrkit: ${file} ${refusal}: ${path}: ${typeof message === "string" ? message : message()}`;
      expect(err.slice(0, expected.length)).toBe(expected);
      // One line, no stack trace.
      expect(err.indexOf("\n")).toBe(err.length - 1);
      expect(err).not.toMatch(/\bat .*:\d+:\d+/);
      expect(existsSync(out)).toBe(false);
    },
  );
});
