import { lint, parseSchedule } from "lrkit";
import { describe, expect, it } from "vitest";
import { runPlan } from "../results/results.js";
import {
  RESULTS_FORMAT,
  resultsSchema,
  type CompareResults,
  type EpochSummary,
  type FindReport,
  type RunResult,
} from "../results/schema.js";
import { escapeHtml, html, raw } from "./html.js";
import { renderReport } from "./report.js";

const epochs = (valAccs: number[], lr: number): EpochSummary[] =>
  valAccs.map((valAcc, epoch) => ({
    epoch,
    lr,
    metrics: { loss: 1 / (epoch + 1), acc: valAcc + 0.01, val_loss: 1.1 / (epoch + 1), val_acc: valAcc },
    seconds: 2,
    examplesPerSecond: 1500,
  }));

function run(name: string, text: string, valAccs: number[], extra: Partial<RunResult> = {}): RunResult {
  const schedule = parseSchedule(text);
  const e = epochs(valAccs, schedule(0));
  const best = Math.max(...valAccs);
  return {
    name,
    spec: schedule.spec,
    text,
    unit: "epoch",
    status: "completed",
    epochs: e,
    final: {
      epochs: e.length,
      metrics: e.at(-1)!.metrics,
      best: { metric: "val_acc", value: best, epoch: valAccs.indexOf(best) },
      seconds: 6,
      examplesPerSecond: 1500,
    },
    init: { weightsSha256: "ab".repeat(32), parameters: 61706, firstBatchLoss: 2.3 },
    lint: lint(schedule, runPlan("epoch", 3, 40)!),
    ...extra,
  };
}

const SWEEP = {
  seed: null,
  lrs: [1e-5, 1e-3, 1e-1, 10],
  losses: [2.3, 2.2, 1.9, 4],
  smoothed: [2.3, 2.25, 2.0, 3],
  stoppedBy: "divergence",
  suggestions: { valley: 0.01, steepest: 0.02, slide: null, minimum: 0.01, ruleOfThumb: 0.05 },
};

const FINDER = {
  ...SWEEP,
  recommended: "valley",
  recommendedLr: 0.01,
  agreement: 0.75,
  spreadDecades: 0.7,
  schedules: null,
  sweeps: [SWEEP],
  seedSpreadDecades: { valley: 0, steepest: 0, slide: null, minimum: 0, ruleOfThumb: 0 },
  restored: true,
  iterations: 4,
  seconds: 1.5,
  setup: { model: "lenet", data: "fashion-mnist", optimizer: "sgd", batch: 256, backend: "wasm", seed: 0 },
} as unknown as FindReport;

function results(runs: RunResult[], extra: Partial<CompareResults> = {}): CompareResults {
  return {
    format: RESULTS_FORMAT,
    experiment: {
      model: "LeNet (seed 0)",
      data: "Fashion-MNIST <train>",
      validation: "Fashion-MNIST's test split",
      trainExamples: 10000,
      validationExamples: 2000,
      classes: 10,
      epochs: 3,
      batchSize: 256,
      stepsPerEpoch: 40,
      optimizer: "sgd",
      loss: "softmaxCrossEntropy",
      seed: 0,
      metrics: ["loss", "acc", "val_loss", "val_acc"],
      headline: "val_acc",
      notes: ["scaled <down>"],
    },
    runs,
    machine: {
      cpu: "cpu",
      cores: 2,
      memoryGb: 8,
      platform: "linux x64",
      node: "v20",
      backend: "wasm",
      backendReason: "wasm (SIMD, 1 thread), because tensorflow is unavailable (not installed: /some/path)",
      workers: 2,
      wallSeconds: 75,
      finishedAt: "2026-01-01T00:00:00.000Z",
    },
    finder: null,
    stopped: "completed",
    ...extra,
  };
}

describe("html", () => {
  it("escapes every interpolated value unless it is marked safe", () => {
    expect(escapeHtml(`<a href="x">'&'</a>`)).toBe("&lt;a href=&quot;x&quot;&gt;&#39;&amp;&#39;&lt;/a&gt;");
    const name = "<script>alert(1)</script>";
    expect(html`<td title="${name}">${name}${raw("<b>ok</b>")}${[1, "<", null, false]}</td>`.value).toBe(
      '<td title="&lt;script&gt;alert(1)&lt;/script&gt;">&lt;script&gt;alert(1)&lt;/script&gt;<b>ok</b>1&lt;</td>',
    );
  });
});

describe("renderReport", () => {
  const runs = [
    run("constant", "constant(lr=0.3)", [0.7, 0.75, 0.78], {
      published: { metrics: { val_acc: 0.877 }, source: "d2l" },
      note: "epoch 0 <at> 0.3",
    }),
    run("<warm> & up", "warmup(cosine(lr=0.3, steps=2, minLr=0.01), steps=1, from=0)", [0.5, 0.8, 0.81], {
      published: { metrics: { val_acc: 0.901 } },
    }),
  ];
  const page = renderReport(results(runs, { command: "lrkit demo" }));

  it("takes results that fit the results schema", () => {
    expect(resultsSchema.safeParse(results(runs, { finder: FINDER })).success).toBe(true);
  });

  it("is one self-contained document: inline CSS and SVG, no script, no URL", () => {
    expect(page).toMatch(/^<!doctype html>\s*<html lang="en">/);
    expect(page).toContain("<style>");
    expect(page).not.toMatch(/https?:\/\//);
    expect(page).not.toMatch(/<script|<link|<img|<iframe|@import|@font-face/i);
    expect([...page.matchAll(/\s(?:src|href)="([^"]*)"/g)].map((m) => m[1]!.startsWith("#"))).not.toContain(
      false,
    );
    // The schedules, two comparisons, one chart per run.
    expect(page.match(/<svg /g)).toHaveLength(5);
    expect(page.trimEnd().endsWith("</html>")).toBe(true);
  });

  it("escapes names, notes, specs and the setup", () => {
    expect(page).toContain('<tr class="run-row" data-run="&lt;warm&gt; &amp; up">');
    expect(page).toContain("epoch 0 &lt;at&gt; 0.3");
    expect(page).toContain("<li>scaled &lt;down&gt;</li>");
    expect(page).toContain("Fashion-MNIST &lt;train&gt;, 10,000 examples");
    expect(page).not.toContain("<warm>");
    expect(page).toContain("<code>lrkit demo</code>");
  });

  it("has a column per logged value, marks the best of each and shows the published headline beside it", () => {
    expect(page).toMatch(
      />loss<\/th>[\s\S]*>acc<\/th>[\s\S]*>val_loss<\/th>[\s\S]*>val_acc<\/th>[\s\S]*>best val_acc<\/th>/,
    );
    const rows = page.split('<tr class="run-row"').slice(1);
    // Equal losses: the first run is marked; the second has the better accuracies.
    expect(rows[0]).toContain('<td class="num best" title="best of the runs"><strong>0.333</strong> ★</td>');
    expect(rows[0]).toContain("<strong>0.367</strong> ★");
    expect(rows[1]).toContain("<strong>0.820</strong> ★");
    expect(rows[1]).toContain("<strong>0.810</strong> ★");
    expect(rows[1]).toContain("<strong>0.810 (3)</strong> ★");
    expect(rows[0]).toContain('<td class="num published">0.877</td>');
    expect(rows[1]).toContain('<td class="num published">0.901</td>');
    expect(page.match(/★<\/td>/g)).toHaveLength(5);
  });

  it("lists each schedule's lint findings with their fix", () => {
    const warm = runs[1]!.lint;
    expect(warm.map((d) => d.code)).toContain("zero-lr");
    expect(page).toContain('<ul class="lint" id="lint--warm----up">');
    expect(page).toContain("<code>zero-lr</code> at epoch 0:");
    expect(page).toContain('<p class="lint-ok" id="lint-constant">lint: no findings for this plan.</p>');
  });

  it("says when a run ends at chance level", () => {
    expect(page).not.toContain('class="warn"');
    const dead = run("dead", "constant(lr=0.5)", [0.1, 0.1, 0.1]);
    const stuck = { ...dead, final: { ...dead.final!, metrics: { ...dead.final!.metrics, loss: 2.3026 } } };
    expect(renderReport(results([runs[0]!, stuck]))).toMatch(
      /<p class="warn">\s*This run ends at chance level \(loss 2\.303, ln 10 = 2\.303;\s+val_acc 0\.100\): it did not learn\.\s*<\/p>/,
    );
  });

  it("says that the runs start from the same weights", () => {
    expect(page).toMatch(
      /all 2 runs start from the same 61,706 weights, SHA-256\s+<code>abababababababab…<\/code>/,
    );
  });

  it("adds the LR range test when one was run, and says when the compare was interrupted", () => {
    const other = renderReport(
      results([runs[0]!, { ...runs[1]!, status: "aborted" }], { finder: FINDER, stopped: "interrupted" }),
    );
    expect(other).toContain('<h2 id="finder">LR range test</h2>');
    expect(other.match(/<svg /g)).toHaveLength(6);
    expect(other).toContain("<strong>Interrupted</strong>");
    expect(other).toContain('<span class="status">(aborted)</span>');
    expect(page).not.toContain("LR range test");
  });

  it("draws the schedules of a very long plan every k-th epoch (an interrupted run of 10^9 planned epochs)", () => {
    const long = results([run("a", "cosine(lr=0.1, steps=1000000000)", [0.5, 0.6], { status: "aborted" })], {
      stopped: "interrupted",
    });
    const planned = { ...long, experiment: { ...long.experiment, epochs: 1e9 } };
    const page = renderReport(planned);
    expect(page).toContain("Learning rate over the run");
    expect(page).not.toContain("Learning rate per epoch");
  });

  it("reports a regression: its losses only, ranked by val_loss, no chance-level remark", () => {
    const reg = (name: string, losses: number[]): RunResult => {
      const r = run(name, "constant(lr=0.01)", [0, 0, 0]);
      const e = r.epochs.map((x, i) => ({ ...x, metrics: { loss: losses[i]!, val_loss: losses[i]! + 0.5 } }));
      return {
        ...r,
        epochs: e,
        final: {
          ...r.final!,
          metrics: e.at(-1)!.metrics,
          best: { metric: "val_loss", value: Math.min(...losses) + 0.5, epoch: 2 },
        },
      };
    };
    const base = results([reg("a", [9, 4, 2]), reg("b", [9, 3, 1])]);
    const doc = renderReport({
      ...base,
      experiment: { ...base.experiment, metrics: ["loss", "val_loss"], headline: "val_loss", classes: null },
    });
    expect(doc).toContain(">best val_loss</th>");
    expect(doc).not.toContain(">val_acc</th>");
    expect(doc.split('<tr class="run-row"')[2]).toContain("<strong>1.500 (3)</strong> ★");
    expect(doc).not.toContain('class="warn"');
  });

  it("shows successive halving: the runs pruned and after which epoch, each rung's ranking, the epochs saved", () => {
    const halved = results(
      [
        run("a", "constant(lr=0.1)", [0.5, 0.6, 0.7]),
        run("b", "constant(lr=0.01)", [0.4], { status: "pruned", prunedAfter: 1 }),
        run("c", "constant(lr=0.001)", [0.45], {
          resumedFrom: 0,
          damagedCheckpoints: [{ epoch: 1, reason: "not a valid checkpoint: damaged" }],
        }),
      ],
      {
        halving: {
          minEpochs: 1,
          eta: 3,
          metric: "val_acc",
          rungs: [
            {
              epoch: 1,
              ranked: [
                { name: "a", value: 0.5 },
                { name: "c", value: 0.45 },
                { name: "b", value: 0.4 },
              ],
              kept: ["a"],
            },
          ],
          epochsTrained: 5,
          epochsWithout: 9,
        },
      },
    );
    expect(resultsSchema.parse(halved)).toEqual(halved);
    const doc = renderReport(halved);
    expect(doc).toContain('<span class="status">(pruned after 1 epoch)</span>');
    expect(doc).toContain('<h2 id="halving">Successive halving</h2>');
    expect(doc).toMatch(/Epochs trained:\s+<strong>5<\/strong> of the 9 without halving \(44% saved\)/);
    expect(doc).toMatch(/<strong>a<\/strong> 0\.500, <s>c<\/s> 0\.450, <s>b<\/s> 0\.400/);
    expect(doc).toContain("c continued an interrupted compare from its checkpoint after epoch 0.");
    expect(doc).toMatch(/c: its checkpoint after epoch 1 was damaged \(not a valid checkpoint: damaged\)/);
    expect(page).not.toContain("Successive halving");
  });
});
