/**
 * The Train panel's range test: run in the worker with the curve drawn as it grows, stopped on
 * request (the weights put back, and checked), then lrkit's suggestions and the schedules it
 * derives from them, ready to add to the editor.
 *
 * @module
 */
import { formatValue, lrFinderChart, rangeTestChart } from "@lrkit/plot";
import { toText, type RangeTestResult } from "lrkit";
import { h } from "../dom.js";
import { chartHost } from "./chartHost.js";
import type { Shared } from "./context.js";
import type { RangeTestAnswer } from "./protocol.js";
import { task } from "./task.js";

/** The derived schedules by their key in `RangeTestResult.schedules`, and their button text. */
const SCHEDULES = { oneCycle: "one-cycle", cyclic: "cyclic", warmupCosine: "warmup-cosine" } as const;

const STOPS: Record<RangeTestResult["stoppedBy"], string> = {
  end: "reached the end of the sweep",
  divergence: "stopped: the loss diverged",
  nan: "stopped: the loss became NaN",
  aborted: "stopped by you",
};

/** The range-test section: its element, and `refresh` for when the shared state changed. */
export function findSection(shared: Shared): { element: HTMLElement; refresh(): void } {
  const chart = chartHost("train-find-chart");
  const status = h("p", { id: "train-find-status", role: "status", "aria-live": "polite" });
  const outcome = h("div", { id: "train-find-result" });

  /** Shows a finished test; `sized` says how long the derived schedules are. */
  const show = (a: RangeTestAnswer, sized: string) => {
    const { result, weights } = a;
    chart.show((size) => rangeTestChart(result, size));
    const steps = result.lrs.length;
    status.textContent =
      `${steps} steps from lr ${formatValue(result.lrs[0]!)} in ${a.seconds.toFixed(1)} s, ${STOPS[result.stoppedBy]}. ` +
      `The model was restored: ${weights.compared - weights.differing} of ${weights.compared} weights as before, bit for bit.`;
    status.dataset.stoppedBy = result.stoppedBy;
    status.dataset.steps = String(steps);
    status.dataset.start = String(result.lrs[0]);
    status.dataset.restored = String(weights.differing === 0);
    const suggestions = Object.entries(result.suggestions).map(([name, lr]) =>
      h(
        "li",
        { "data-method": name, class: name === result.recommended ? "recommended" : undefined },
        h("code", {}, name),
        `: ${lr === null ? "none" : formatValue(lr)}`,
        name === result.recommended ? h("strong", {}, " (recommended)") : null,
      ),
    );
    const adds = result.schedules
      ? (Object.keys(SCHEDULES) as (keyof typeof SCHEDULES)[]).map((k) => {
          const text = toText(result.schedules![k]);
          return h(
            "button",
            {
              type: "button",
              class: "small",
              "data-schedule": k,
              title: text,
              onclick: () => shared.page.add([text]),
            },
            `Add the suggested ${SCHEDULES[k]} schedule`,
          );
        })
      : [];
    outcome.replaceChildren(
      h(
        "div",
        {},
        h(
          "p",
          { id: "train-recommended" },
          result.recommendedLr === null
            ? "No suggestion: the curve is too short or too flat (try more steps or a wider sweep)."
            : `Recommended lr: ${formatValue(result.recommendedLr)} (${result.recommended}); ` +
                `${Math.round(result.agreement * 100)}% of the methods agree within half a decade.`,
        ),
        h("ul", { class: "suggestions" }, suggestions),
        adds.length
          ? h(
              "div",
              { class: "button-row" },
              adds,
              h("span", { class: "muted" }, `each sized to the run: ${sized}`),
            )
          : null,
      ),
    );
  };

  const run = () => {
    const s = shared.page.settings();
    const data = shared.data!;
    const curve = { lrs: [] as number[], losses: [] as number[], smoothed: [] as number[] };
    // The derived schedules count steps in the editor's unit: updates, or epochs.
    const perEpoch = shared.page.unit() === "batch" ? data.batchesPerEpoch : 1;
    const sized =
      perEpoch > 1 ? `${perEpoch} × ${s.epochs} updates` : `${s.epochs} epoch${s.epochs > 1 ? "s" : ""}`;
    outcome.replaceChildren();
    status.textContent = "Starting the range test…";
    for (const key of ["stoppedBy", "step", "steps", "restored"]) delete status.dataset[key];
    let frame = 0;
    const drawCurve = () => {
      frame = 0;
      chart.show((size) =>
        lrFinderChart({ lrs: curve.lrs, losses: curve.smoothed, rawLosses: curve.losses }, size),
      );
    };
    const settle = () => {
      cancelAnimationFrame(frame);
      frame = 0;
    };
    const pending = shared.client.ask<RangeTestAnswer>(
      {
        type: "rangeTest",
        settings: {
          model: s.model,
          batchSize: s.batchSize,
          optimizer: s.optimizer,
          start: s.start,
          end: s.end,
          iterations: s.iterations,
          trainingSteps: perEpoch * s.epochs,
        },
      },
      (p) => {
        if (p.kind !== "sweep") return;
        curve.lrs.push(p.lr);
        curve.losses.push(p.loss);
        curve.smoothed.push(p.smoothed);
        sweep.bar.value = (p.iteration + 1) / p.iterations;
        status.textContent = `Step ${p.iteration + 1} of ${p.iterations}: lr ${formatValue(p.lr)}, loss ${formatValue(p.smoothed)}`;
        status.dataset.step = String(p.iteration + 1);
        // At most one redraw per frame: a sweep reports faster than a whole chart is worth drawing.
        if (curve.lrs.length >= 2 && frame === 0) frame = requestAnimationFrame(drawCurve);
      },
    );
    sweep.follow(
      pending,
      (a) => {
        settle();
        show(a, sized);
      },
      (e) => {
        settle();
        status.textContent = e.message;
      },
    );
  };

  const sweep = task(shared, { id: "train-find", label: "Run the range test" }, run);
  const element = h(
    "section",
    { class: "train-find", "aria-labelledby": "train-find-title" },
    h("h3", { id: "train-find-title" }, "LR range test"),
    h(
      "p",
      { class: "help" },
      "One update of the chosen optimizer per lr of an exponential sweep, from the model's initial weights (lrkit's rangeTest, fastai's rules); the weights are put back whatever ends it. Without a start, the sweep starts where lrkit find starts for that optimizer.",
    ),
    sweep.controls,
    status,
    chart.element,
    outcome,
  );
  return { element, refresh: () => sweep.refresh() };
}
