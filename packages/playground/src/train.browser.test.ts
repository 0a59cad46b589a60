/**
 * The Train panel in a real Chromium (as playground.browser.test.ts: Debian's Chromium through
 * playwright-core, the page built by Vite and served on a free localhost port): TensorFlow.js in the
 * panel's worker, on the bundled MNIST sample and on a CSV file written here. Screenshots at 1280
 * and 375 px go to test-artifacts/.
 */
import { existsSync, mkdirSync, statSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { defaultState, encodeState } from "./state.js";
import { ARTIFACTS, openPage, startBuiltPlayground, type BuiltPlayground } from "./test/builtPlayground.js";
import { CHROMIUM } from "./test/chromium.js";
import { SAMPLE_PATH } from "./train/sampleFile.js";
import { defaultTrainSettings } from "./train/settings.js";

const hasChromium = existsSync(CHROMIUM);

const title = hasChromium
  ? "the Train panel in Chromium"
  : `the Train panel in Chromium (SKIPPED: no Chromium at ${CHROMIUM}; apt-get install -y chromium)`;

/** A small CSV: three classes of points around three centres in four features, and an id column. */
function blobsCsv(rows: number): string {
  let seed = 7;
  const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31) * 2 - 1;
  const centres = {
    setosa: [5, 3.4, 1.5, 0.2],
    versicolor: [5.9, 2.8, 4.3, 1.3],
    virginica: [6.6, 3, 5.6, 2],
  };
  const names = Object.keys(centres) as (keyof typeof centres)[];
  const lines = ["id,sepal_length,sepal_width,petal_length,petal_width,species"];
  for (let i = 0; i < rows; i++) {
    const name = names[i % 3]!;
    const x = centres[name].map((c) => (c + 0.3 * random()).toFixed(2));
    lines.push([`row-${i}`, ...x, name].join(","));
  }
  return `${lines.join("\n")}\n`;
}

describe.skipIf(!hasChromium)(title, () => {
  let playground: BuiltPlayground;

  beforeAll(async () => {
    playground = await startBuiltPlayground({ width: 1280, height: 900 });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);

  afterAll(() => playground?.close());

  /**
   * Opens the page at `hash` (with `query`, e.g. `?backend=wasm`) with every request recorded; a
   * failing test leaves a screenshot.
   */
  async function open(
    ctx: TestContext,
    hash: string,
    query = "",
  ): Promise<{ page: Page; requests: string[] }> {
    const page = await openPage(playground, ctx);
    await page.setViewportSize({ width: 1280, height: 900 });
    const requests: string[] = [];
    page.on("request", (r) => requests.push(r.url()));
    // Long tasks of the page's main thread (over 50 ms each), to show that training does not freeze it.
    await page.addInitScript(() => {
      const seen: number[] = ((window as unknown as { longTasks: number[] }).longTasks = []);
      new PerformanceObserver((list) => seen.push(...list.getEntries().map((e) => e.duration))).observe({
        type: "longtask",
      });
    });
    await page.goto(`${playground.url}${query}#${hash}`);
    await page.waitForSelector("body[data-ready]");
    await page.waitForSelector("#train-backend[data-backend]", { timeout: 60_000 });
    return { page, requests };
  }

  const status = (page: Page, id: string, key: string) => page.getAttribute(`#${id}`, `data-${key}`);
  const untilStopped = (page: Page) =>
    page.waitForSelector("#train-find-status[data-stopped-by]", { timeout: 60_000 });

  it("finds an lr on the MNIST sample, stops a second sweep midway with the weights restored, adds the suggested schedule and compares two schedules", async (ctx) => {
    const settings = { ...defaultTrainSettings, epochs: 1, iterations: 60, start: 1e-3, end: 10 };
    const { page, requests } = await open(
      ctx,
      encodeState({ ...defaultState, tab: "train", train: settings }),
    );
    // The backend the worker picked, and why: headless Chromium has no GPU for WebGPU here.
    const backend = (await page.textContent("#train-backend"))!;
    expect(backend).toMatch(/^TensorFlow\.js backend: (webgpu|webgl|wasm|cpu)/);
    // Nothing fetched the sample yet: it loads when asked.
    expect(requests.some((u) => u.endsWith(SAMPLE_PATH))).toBe(false);

    await page.click("#train-sample");
    await expect
      .poll(() => page.textContent("#train-data"), { timeout: 30_000 })
      .toContain("MNIST sample: 2,000 training and 500 validation examples of shape [28, 28, 1], 10 classes");
    expect(await page.textContent("#train-data")).toContain(
      "Model: MLP 784-256-10, 203,530 weights, 32 updates an epoch.",
    );
    const origin = new URL(playground.url).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:"))).toEqual([]);
    expect(requests).toContain(`${playground.url}${SAMPLE_PATH}`);

    // A whole sweep: a recommendation, the model restored bit for bit. It runs in the panel's
    // worker (Vite's bundle of it): the page's own thread never freezes meanwhile (no task of a
    // second; the bound leaves room for a machine busy with other tests).
    await page.evaluate(() => ((window as unknown as { longTasks: number[] }).longTasks.length = 0));
    await page.click("#train-find");
    await untilStopped(page);
    expect(page.workers().map((w) => new URL(w.url()).pathname)).toEqual([
      expect.stringMatching(/^\/assets\/worker-[\w-]+\.js$/),
    ]);
    const longest = await page.evaluate(() =>
      Math.max(0, ...(window as unknown as { longTasks: number[] }).longTasks),
    );
    expect(longest, "the longest task of the page's thread during the sweep, in ms").toBeLessThan(1000);
    expect(await status(page, "train-find-status", "stopped-by")).toMatch(/^(end|divergence)$/);
    expect(await status(page, "train-find-status", "restored")).toBe("true");
    expect(await page.textContent("#train-find-status")).toContain("203530 of 203530 weights as before");
    const recommended = (await page.textContent("#train-recommended"))!;
    expect(recommended).toMatch(/^Recommended lr: [\d.e-]+ \((valley|steep|minimum|slide)/);
    expect(await page.locator("#train-find-chart svg path.series").count()).toBeGreaterThan(0);
    expect(await page.locator("#train-find-result .suggestions li").count()).toBeGreaterThanOrEqual(3);

    // The suggested one-cycle, sized to the run (32 updates), goes to the editor as schedule B.
    const add = page.locator('[data-schedule="oneCycle"]');
    const text = (await add.getAttribute("title"))!;
    expect(text).toMatch(/^oneCycle\(maxLr=[\d.e-]+, steps=32\)$/);
    await add.click();
    expect(await page.locator("#schedule-list .pick").count()).toBe(2);
    expect(await page.inputValue("#spec-text")).toBe(text);

    // A second sweep, stopped midway: the stop is reported and the weights are back.
    await page.click("#train-find");
    await page.waitForFunction(() => Number(document.getElementById("train-find-status")?.dataset.step) >= 8);
    // The curve grows as the sweep runs.
    expect(await page.locator("#train-find-chart svg path.series").count()).toBeGreaterThan(0);
    await page.click("#train-find-stop");
    await untilStopped(page);
    expect(await status(page, "train-find-status", "stopped-by")).toBe("aborted");
    const steps = Number(await status(page, "train-find-status", "steps"));
    expect(steps).toBeGreaterThanOrEqual(8);
    expect(steps).toBeLessThan(60);
    expect(await page.textContent("#train-find-status")).toContain("stopped by you");
    expect(await status(page, "train-find-status", "restored")).toBe("true");

    // Both schedules for one epoch, from the same weights: two loss curves, two runs × two
    // validation curves, and the table.
    await page.click("#train-run");
    await page.waitForSelector('#train-run-status[data-runs="2"]', { timeout: 90_000 });
    expect(await page.textContent("#train-run-status")).toMatch(
      /^Done: 2 of 2 schedules trained for 1 epoch/,
    );
    expect(await page.locator("#train-loss-chart svg path.series").count()).toBe(2);
    expect(await page.locator("#train-val-chart svg path.series").count()).toBe(4);
    const rows = await page.$$eval("#train-table tbody tr", (trs) =>
      trs.map((tr) => ({
        run: tr.getAttribute("data-run"),
        changed: Number(tr.getAttribute("data-changed")),
        cells: Object.fromEntries(
          [...tr.querySelectorAll("td[data-column]")].map((td) => [
            td.getAttribute("data-column"),
            Number.parseFloat(td.textContent!),
          ]),
        ),
      })),
    );
    expect(rows.map((r) => r.run)).toEqual(["A", "B"]);
    for (const r of rows) {
      expect(r.cells.epochs).toBe(1);
      expect(r.cells.val_acc).toBeGreaterThan(0.5);
      expect(r.cells.val_acc).toBeLessThanOrEqual(1);
      expect(r.cells.loss).toBeGreaterThan(0);
      // Training moved the weights (the same bitwise check that found the range test's restored).
      expect(r.changed).toBeGreaterThan(100_000);
    }
    expect(await page.locator("#train-table td.best").count()).toBeGreaterThan(0);

    for (const width of [1280, 375]) {
      await page.setViewportSize({ width, height: 900 });
      await page.locator(".train").scrollIntoViewIfNeeded();
      const box = (await page.locator(".train").boundingBox())!;
      expect(box.x + box.width, `the Train panel fits ${width} px`).toBeLessThanOrEqual(width);
      const path = join(ARTIFACTS, `train-${width}.png`);
      await page.screenshot({ path, fullPage: true });
      expect(statSync(path).size).toBeGreaterThan(10_000);
    }
  }, 180_000);

  it("runs the range test on a CSV file chosen in the page, its columns picked there, and stops a training run midway", async (ctx) => {
    const { page, requests } = await open(
      ctx,
      encodeState({
        ...defaultState,
        tab: "train",
        train: { ...defaultTrainSettings, batchSize: 16, iterations: 40 },
      }),
    );
    // The settings come from the link (batch size 16: 15 updates an epoch below), and go back to it.
    await page.fill("#train-epochs", "4");
    await page.waitForFunction(
      () => location.hash.includes("tepochs=4") && location.hash.includes("tbatch=16"),
    );
    const before = requests.length;
    await page.setInputFiles("#train-csv", {
      name: "flowers.csv",
      mimeType: "text/csv",
      buffer: Buffer.from(blobsCsv(300)),
    });
    await page.waitForSelector("#train-label");
    // The numeric columns are the features by default; the id and the last column are not.
    const checked = await page.$$eval("#train-columns input[type=checkbox]", (boxes) =>
      (boxes as HTMLInputElement[]).filter((b) => b.checked).map((b) => b.value),
    );
    expect(checked).toEqual(["sepal_length", "sepal_width", "petal_length", "petal_width"]);
    expect(await page.inputValue("#train-label")).toBe("species");
    await page.click("#train-use-csv");
    await expect
      .poll(() => page.textContent("#train-data"))
      .toBe(
        "flowers.csv: 240 training and 60 validation examples of shape [4], 3 classes. Model: MLP 4-16-3, 131 weights, 15 updates an epoch.",
      );
    // Adam, chosen in the page: the link carries it, and with no start set the sweep starts where
    // lrkit find starts for Adam (OPTIMIZERS.adam.rangeTestStart), as the start field shows.
    expect(await page.$$eval("#train-optimizer option", (os) => os.map((o) => o.textContent))).toEqual([
      "SGD",
      "Momentum",
      "Adam",
      "Adamax",
      "RMSProp",
      "Adagrad",
      "Adadelta",
    ]);
    expect(await page.getAttribute("#train-start", "placeholder")).toBe("0.001");
    await page.selectOption("#train-optimizer", "adam");
    await page.waitForFunction(() => location.hash.includes("topt=adam"));
    expect(await page.getAttribute("#train-start", "placeholder")).toBe("1e-5");
    await page.click("#train-find");
    await untilStopped(page);
    expect(await status(page, "train-find-status", "start")).toBe("0.00001");
    expect(await status(page, "train-find-status", "restored")).toBe("true");
    expect(await page.textContent("#train-recommended")).toMatch(/^Recommended lr: /);
    // A whole run with Adam: it moves every weight and learns the three blobs.
    await page.fill("#train-epochs", "2");
    await page.click("#train-run");
    await page.waitForSelector('#train-run-status[data-runs="1"]', { timeout: 30_000 });
    expect(await page.textContent("#train-run-status")).toMatch(
      /^Done: 1 of 1 schedules trained for 2 epochs/,
    );
    const adam = await page.$eval('#train-table tr[data-run="A"]', (tr) => ({
      changed: Number(tr.getAttribute("data-changed")),
      loss: Number.parseFloat(tr.querySelector('td[data-column="loss"]')!.textContent!),
    }));
    expect(adam.changed).toBe(131);
    expect(adam.loss).toBeGreaterThan(0);
    expect(adam.loss).toBeLessThan(1.1); // ln 3 = 1.0986 is a guess among three classes
    // Training stopped midway keeps the epochs done and says so.
    await page.fill("#train-epochs", "50");
    await page.click("#train-run");
    await expect
      .poll(() => page.textContent("#train-run-status"), { timeout: 30_000 })
      .toMatch(/^A: epoch \d+ of 50/);
    await page.click("#train-run-stop");
    await page.waitForSelector("#train-run-status[data-runs]");
    expect(await page.textContent("#train-run-status")).toMatch(/^Stopped: 1 of 1 schedules trained/);
    expect(await page.textContent('#train-table tr[data-run="A"] th')).toBe("A (stopped)");
    const epochs = Number(await page.textContent('#train-table tr[data-run="A"] td[data-column="epochs"]'));
    expect(epochs).toBeLessThan(50);

    // Neither the file nor the results go into the link; the file never left the page.
    expect(await page.evaluate(() => location.hash)).not.toMatch(/flowers|species|sepal/);
    expect(requests.slice(before).filter((u) => !u.includes("/assets/"))).toEqual([]);
  }, 120_000);

  it("trains LeNet on wasm with lrkit's kernels when the address asks for wasm, and sizes schedules in epochs when the editor counts epochs", async (ctx) => {
    const train = { ...defaultTrainSettings, model: "lenet" as const, iterations: 30 };
    const view = { ...defaultState, tab: "train" as const, unit: "epoch" as const, train };
    const { page } = await open(ctx, encodeState(view), "?backend=wasm");
    expect(await page.textContent("#train-backend")).toMatch(
      /^TensorFlow\.js backend: wasm \(SIMD, 1 thread\), the first choice/,
    );
    await page.click("#train-sample");
    await expect
      .poll(() => page.textContent("#train-data"), { timeout: 30_000 })
      .toContain("Model: LeNet, 61,706 weights, 32 updates an epoch.");
    await page.click("#train-find");
    await untilStopped(page);
    expect(await status(page, "train-find-status", "steps")).toBe("30");
    // No start in the settings: SGD's range test starts at 1e-3, as `lrkit find` does.
    expect(await status(page, "train-find-status", "start")).toBe("0.001");
    expect(await status(page, "train-find-status", "restored")).toBe("true");
    expect(await page.textContent("#train-recommended")).toMatch(/^Recommended lr: /);
    // The editor's unit is the epoch: the derived schedules last the run's 3 epochs.
    expect(await page.getAttribute('[data-schedule="warmupCosine"]', "title")).toMatch(
      /^warmup\(cosine\(lr=[\d.e-]+, steps=2\), steps=1\)$/,
    );
    expect(await page.getAttribute('[data-schedule="oneCycle"]', "title")).toMatch(/, steps=3\)$/);

    // The panel is kept while another tab is shown: its chart, narrowed meanwhile, is redrawn at its
    // new width when the panel comes back (one SVG unit stays one CSS pixel).
    const chartWidths = () =>
      page.$eval("#train-find-chart", (host) => ({
        host: host.clientWidth,
        svg: Number(host.querySelector("svg")!.getAttribute("width")),
      }));
    const wide = await chartWidths();
    expect(wide.svg).toBe(wide.host);
    await page.click("#tab-lint");
    await page.setViewportSize({ width: 375, height: 900 });
    await page.click("#tab-train");
    await expect
      .poll(async () => {
        const { host, svg } = await chartWidths();
        return host < wide.host && svg === host;
      })
      .toBe(true);
  }, 60_000);
});
