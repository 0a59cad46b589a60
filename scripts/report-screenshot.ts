/**
 * Renders a compare report to a PNG for the README: opens report.html in headless Chromium
 * (playwright-core with the system's Chromium; no browser is downloaded, no network is used) and
 * takes a screenshot of the top of the page (setup, schedules, final table, curves).
 *
 *   npx tsx scripts/report-screenshot.ts [report.html] [out.png] [--height 1900] [--full-page]
 *
 * Defaults: lrkit-report/report.html and docs/report.png. LRKIT_CHROMIUM overrides the browser
 * (default /usr/bin/chromium).
 *
 * @module
 */
import { existsSync, mkdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { pathToFileURL } from "node:url";
import { parseArgs } from "node:util";
import { chromium } from "playwright-core";
import { CHROMIUM, CHROMIUM_ARGS } from "../packages/playground/src/test/chromium.js";

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    height: { type: "string", default: "1900" },
    width: { type: "string", default: "1240" },
    "full-page": { type: "boolean", default: false },
  },
});
const input = resolve(positionals[0] ?? "lrkit-report/report.html");
const output = resolve(positionals[1] ?? "docs/report.png");
const executablePath = CHROMIUM;
if (!existsSync(input)) throw new Error(`no report at ${input}: run \`npm start\` (lrkit demo) first`);
if (!existsSync(executablePath))
  throw new Error(`no Chromium at ${executablePath}: apt-get install -y chromium, or set LRKIT_CHROMIUM`);

const browser = await chromium.launch({
  executablePath,
  headless: true,
  args: [...CHROMIUM_ARGS],
});
try {
  const page = await browser.newPage({
    viewport: { width: Number(values.width), height: Number(values.height) },
  });
  // The report is self-contained: any request it would make is a bug, so block and count them.
  const requests: string[] = [];
  await page.route("**/*", (route) => {
    const url = route.request().url();
    if (url.startsWith("file:")) return route.continue();
    requests.push(url);
    return route.abort();
  });
  await page.goto(pathToFileURL(input).href, { waitUntil: "load" });
  mkdirSync(dirname(output), { recursive: true });
  await page.screenshot({ path: output, fullPage: values["full-page"] });
  console.log(`wrote ${output}${requests.length ? `; blocked requests: ${requests.join(", ")}` : ""}`);
} finally {
  await browser.close();
}
