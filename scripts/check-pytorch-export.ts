/**
 * Checks `lrkit export --to pytorch` against real PyTorch: for every core family and combinator
 * (their registered examples plus variants that take the other code path), it writes the exported
 * script, runs it with Python, and compares the printed lrs with `sample()`.
 *
 * Run from the repository root (not part of the test suite; it needs Python with torch):
 *   npx tsx --conditions=@lrkit/source scripts/check-pytorch-export.ts [/usr/bin/python3] [random specs]
 *
 * @module
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import fc from "fast-check";
import { combinators, coreFamilies, parseSchedule, sample, toPyTorch, toText } from "lrkit";
import "lrkit/presets"; // the cases name presets
import { anyCase } from "../packages/lrkit/src/test/arbitraries.js";

const python = process.argv[2] ?? "/usr/bin/python3";
const random = Number(process.argv[3] ?? 0);
const dir = mkdtempSync(join(tmpdir(), "lrkit-torch-"));

const variants: [string, number][] = [
  ...[...coreFamilies, ...combinators].map((f): [string, number] => [f.example!, 120]),
  ["cosine(lr=0.3, steps=20, minLr=0.01)", 21],
  ["cosine(lr=0.3, steps=20, minLr=0.01, after=periodic)", 100],
  ["cosine(lr=0.01, steps=100, minLr=1e-9, exponent=2, k=1.5)", 100],
  ["linear(from=0, to=0.3, steps=10)", 30],
  ["polynomial(lr=0.1, steps=50, power=2)", 60],
  ["polynomial(lr=0.1, steps=30, power=0.5, endLr=0.01, cycle=true)", 100],
  ["exponential(lr=0.1, gamma=0.9, decaySteps=10, staircase=true, transitionBegin=5, endLr=0.01)", 100],
  ["sgdr(lr=0.1, period=10, periodMult=2, minLr=0.001)", 150],
  ["sgdr(lr=0.1, period=10, periodMult=2, minLr=0.001, decay=0.5, cycleLimit=3)", 100],
  ["oneCycle(maxLr=0.1, steps=100, threePhase=true, anneal=linear)", 100],
  ["oneCycle(maxLr=0.1, steps=100)", 130],
  ['cyclic(baseLr=0.001, maxLr=0.006, stepsUp=20, mode="exp_range", gamma=0.99)', 120],
  ['cyclic(baseLr=0.001, maxLr=0.006, stepsUp=5, stepsDown=15, scale="1 / (x ** 0.5)")', 120],
  ["multiStep(lr=0.5, milestones=[15, 30, 30], gamma=0.5)", 40],
  ["warmup(cosine(lr=0.3, steps=25, minLr=0.01), steps=5)", 30],
  ['warmup(cosine(lr=0.3, steps=25, minLr=0.01), steps=5, mode="exponential", startRatio=0.01)', 30],
  ["repeat(cosine(lr=0.1, steps=10), period=10, periodMult=2, decay=0.5, limit=3)", 100],
  ["noise(cosine(lr=0.1, steps=100), seed=7, pct=0.1)", 100],
  ["warmup(cosine(lr=0.1, steps=90), steps=10, from=0)", 100],
  ['warmup(cosine(lr=0.1, steps=90), steps=10, from=0, mode="cosine")', 100],
  ["d2l.CosineScheduler(max_update=20, base_lr=0.3, final_lr=0.01, warmup_steps=5)", 30],
];

// Random specs of every family and combinator (lrkit's own fast-check arbitraries), when asked.
if (random > 0) {
  for (const { spec } of fc.sample(anyCase, { numRuns: random, seed: 42 })) {
    if (!JSON.stringify(spec).includes('"noise"')) variants.push([toText(spec), 150]);
  }
}

let worst = 0;
for (const [text, steps] of variants) {
  const schedule = parseSchedule(text);
  const script = toPyTorch(schedule, { steps });
  const file = join(dir, "export.py");
  writeFileSync(file, script);
  const out = execFileSync(python, [file], { encoding: "utf8" }).trim().split("\n").pop()!;
  const torch = JSON.parse(out) as number[];
  const expected = sample(schedule, steps);
  let maxRel = 0;
  let maxAbs = 0;
  expected.forEach((e, t) => {
    const a = torch[t]!;
    const diff = Math.abs(a - e);
    const scale = Math.max(Math.abs(a), Math.abs(e));
    maxAbs = Math.max(maxAbs, diff);
    if (diff > 0) maxRel = Math.max(maxRel, diff / scale);
  });
  if (torch.length !== steps) throw new Error(`${text}: ${torch.length} values, expected ${steps}`);
  worst = Math.max(worst, maxRel);
  const how = /lr_scheduler\.(\w+)\(/.exec(script.split("scheduler = ")[1] ?? "")?.[1] ?? "?";
  const table = script.includes("LRS = [") ? " (table)" : "";
  console.log(
    `${text.padEnd(92)} ${(how + table).padEnd(28)} steps=${String(steps).padEnd(4)} maxRel=${maxRel.toExponential(2)} maxAbs=${maxAbs.toExponential(2)}`,
  );
}
console.log(`worst relative difference: ${worst.toExponential(2)}`);
