/**
 * Renders the playground's Train panel to a PNG for the README: builds the page with Vite, serves
 * it on a free localhost port, and in headless Chromium (playwright-core with the system's
 * Chromium; no browser is downloaded, nothing outside the page's own server is requested) loads the
 * bundled MNIST sample, runs the range test, adds the suggested one-cycle schedule, trains both
 * schedules and takes a screenshot of the panel.
 *
 *   npx tsx --conditions=@lrkit/source scripts/train-screenshot.ts [out.png] [--epochs 2] [--width 1280]
 *
 * Defaults: docs/playground-train.png. LRKIT_CHROMIUM overrides the browser (default /usr/bin/chromium).
 *
 * @module
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { parseArgs } from "node:util";
import { defaultState, encodeState } from "../packages/playground/src/state.js";
import { startBuiltPlayground } from "../packages/playground/src/test/builtPlayground.js";
import { CHROMIUM } from "../packages/playground/src/test/chromium.js";
import { defaultTrainSettings } from "../packages/playground/src/train/settings.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { epochs: { type: "string", default: "2" }, width: { type: "string", default: "1280" } },
});
const output = resolve(positionals[0] ?? "docs/playground-train.png");
if (!existsSync(CHROMIUM))
  throw new Error(`no Chromium at ${CHROMIUM}: apt-get install -y chromium, or set LRKIT_CHROMIUM`);

const playground = await startBuiltPlayground({ width: Number(values.width), height: 1000 });
try {
  const page = await playground.context.newPage();
  const foreign: string[] = [];
  page.on(
    "request",
    (r) => void (r.url().startsWith(playground.url) || r.url().startsWith("data:") || foreign.push(r.url())),
  );
  const train = { ...defaultTrainSettings, epochs: Number(values.epochs) };
  await page.goto(`${playground.url}#${encodeState({ ...defaultState, tab: "train", train })}`);
  await page.waitForSelector("#train-backend[data-backend]", { timeout: 60_000 });
  await page.click("#train-sample");
  await page.waitForSelector("#train-find:not([disabled])", { timeout: 60_000 });
  await page.click("#train-find");
  await page.waitForSelector("#train-find-status[data-stopped-by]", { timeout: 120_000 });
  await page.click('[data-schedule="oneCycle"]');
  await page.click("#train-run");
  await page.waitForSelector("#train-run-status[data-runs]", { timeout: 300_000 });
  mkdirSync(dirname(output), { recursive: true });
  await page.locator(".train").screenshot({ path: output });
  const backend = await page.textContent("#train-backend");
  console.log(
    `wrote ${output} (${backend})${foreign.length ? `; requests outside the page: ${foreign.join(", ")}` : ""}`,
  );
} finally {
  await playground.close();
}
