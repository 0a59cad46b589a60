/**
 * The playground's layout in a real Chromium, at a desktop width (1280 px) and a phone's (375 px):
 * on every tab the page never grows wider than the window, the chart fits its card and its text
 * stays legible, the labels of a range test's suggestions do not collide, and the main controls can
 * be reached and clicked. Screenshots of every tab at both widths go to test-artifacts/.
 *
 * Without Chromium these tests are skipped, as playground.browser.test.ts explains.
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { rangeTest, type Learner } from "lrkit";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { defaultState, encodeState, tabs, type Tab } from "./state.js";
import { ARTIFACTS, startBuiltPlayground, type BuiltPlayground } from "./test/builtPlayground.js";
import { CHROMIUM } from "./test/chromium.js";

const hasChromium = existsSync(CHROMIUM);
const WIDTHS = [1280, 375] as const;
/** The smallest chart text we accept, in CSS pixels. */
const MIN_TEXT_PX = 10;

/** A rectangle as getBoundingClientRect gives it. */
interface Rect {
  readonly left: number;
  readonly top: number;
  readonly right: number;
  readonly bottom: number;
}

/** What the page measures of a chart: its SVG, its host, and its smallest text in CSS pixels. */
interface ChartLayout {
  readonly host: Rect;
  readonly svg: Rect;
  readonly svgWidthAttr: number;
  readonly hostWidth: number;
  readonly minTextPx: number;
  readonly texts: number;
  /** The pairs of its texts that cover each other. */
  readonly collisions: string[];
}

/**
 * The JSON of a range test as `lrkit find --json` writes it, from lrkit's own `rangeTest` over a
 * synthetic model: the loss falls from 2.3 to about 0.6 between lr 1e-4 and 1e-2, wobbles, and
 * diverges past 0.3. Its five suggestions (valley, steepest, slide, minimum, ruleOfThumb) land
 * within two decades of each other, so their labels crowd as they do on a real run.
 */
async function rangeTestJson(): Promise<string> {
  let step = 0;
  const learner: Learner = {
    step: (lr) => {
      step++;
      const fall = 1.7 / (1 + (1e-3 / lr) ** 1.5);
      return Promise.resolve(2.3 - fall + 0.04 * Math.sin(step * 2.3) + (lr > 0.3 ? 20 * (lr - 0.3) : 0));
    },
    snapshot: () => Promise.resolve(null),
    restore: () => Promise.resolve(),
  };
  const result = await rangeTest(learner, { start: 1e-6, end: 10, iterations: 120 });
  return JSON.stringify(result);
}

/** Measures every chart on the page (the schedules' and the data panel's). */
function measureCharts(page: Page): Promise<ChartLayout[]> {
  return page.$$eval(".chart-svg", (hosts) =>
    hosts.flatMap((host) => {
      const svg = host.querySelector("svg");
      if (!svg) return [];
      const box = svg.getBoundingClientRect();
      // SVG units to CSS pixels: the rendered width over the viewBox's.
      const scale = box.width / svg.viewBox.baseVal.width;
      const sizes = [...svg.querySelectorAll("text")].map(
        (t) => parseFloat(getComputedStyle(t).fontSize) * scale,
      );
      const rect = (r: DOMRect) => ({ left: r.left, top: r.top, right: r.right, bottom: r.bottom });
      const texts = [...svg.querySelectorAll("text")].map((t) => ({
        name: `${t.getAttribute("class")} "${t.textContent}"`,
        r: t.getBoundingClientRect(),
      }));
      // Glyph boxes that share more than half a pixel each way.
      const collisions = texts.flatMap((a, i) =>
        texts
          .slice(i + 1)
          .filter(
            (b) =>
              Math.min(a.r.right, b.r.right) - Math.max(a.r.left, b.r.left) > 0.5 &&
              Math.min(a.r.bottom, b.r.bottom) - Math.max(a.r.top, b.r.top) > 0.5,
          )
          .map((b) => `${a.name} × ${b.name}`),
      );
      return [
        {
          host: rect(host.getBoundingClientRect()),
          svg: rect(box),
          svgWidthAttr: Number(svg.getAttribute("width")),
          hostWidth: host.clientWidth,
          minTextPx: Math.min(...sizes),
          texts: sizes.length,
          collisions,
        },
      ];
    }),
  );
}

/** The labels of the data chart's suggestions and their dots, in the same order. */
function suggestionBoxes(page: Page): Promise<{ labels: Rect[]; dots: Rect[]; svg: Rect; names: string[] }> {
  return page.$eval(".data-chart svg", (svg) => {
    const rect = (e: Element) => {
      const r = e.getBoundingClientRect();
      return { left: r.left, top: r.top, right: r.right, bottom: r.bottom };
    };
    const labels = [...svg.querySelectorAll(".point-label")];
    return {
      labels: labels.map(rect),
      dots: [...svg.querySelectorAll("circle.point")].map(rect),
      svg: rect(svg),
      names: labels.map((l) => l.textContent ?? ""),
    };
  });
}

/** How much two rectangles overlap (0 when they only touch). */
const overlap = (a: Rect, b: Rect) =>
  Math.max(0, Math.min(a.right, b.right) - Math.max(a.left, b.left)) *
  Math.max(0, Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top));

/**
 * The controls a user needs, that are not usable: missing, hidden, outside the window's width, or
 * covered by something else at their centre once scrolled into view.
 */
function unusableControls(page: Page, selectors: readonly string[]): Promise<string[]> {
  return page.evaluate((selectors) => {
    const bad: string[] = [];
    for (const selector of selectors) {
      const els = [...document.querySelectorAll<HTMLElement>(selector)];
      if (els.length === 0) bad.push(`${selector}: missing`);
      for (const el of els) {
        el.scrollIntoView({ block: "center", inline: "nearest" });
        const r = el.getBoundingClientRect();
        const name = `${selector}${els.length > 1 ? ` "${el.textContent}"` : ""}`;
        if (r.width < 1 || r.height < 1) bad.push(`${name}: not visible`);
        else if (r.left < 0 || r.right > innerWidth)
          bad.push(`${name}: ${r.left}..${r.right} of ${innerWidth}`);
        else {
          const hit = document.elementFromPoint((r.left + r.right) / 2, (r.top + r.bottom) / 2);
          if (!hit || !(el === hit || el.contains(hit)))
            bad.push(`${name}: covered by ${hit?.outerHTML.slice(0, 80)}`);
        }
      }
    }
    return bad;
  }, selectors);
}

/** The default schedule, and one with 13 milestones whose labels crowd on a phone. */
const SPECS = [defaultState.specs[0]!, "step(lr=0.1, stepSize=15, gamma=0.7)"];

const CONTROLS = [
  "#copy-link",
  "#schedule-list .pick",
  "#add-schedule",
  "#spec-text",
  '[data-key="$.type"]',
  '[data-key="$.schedule.lr"]',
  "#steps",
  "#unit",
  "#log",
  '[role="tab"]',
];
const PANEL_CONTROLS: Partial<Record<Tab, readonly string[]>> = {
  ts: ["#copy-code"],
  pytorch: ["#copy-code"],
  optax: ["#copy-code"],
  keras: ["#copy-code"],
  data: ["#data-file", ".data-chart + .button-row button"],
};

const title = hasChromium
  ? "the playground's layout in Chromium"
  : `the playground's layout in Chromium (SKIPPED: no Chromium at ${CHROMIUM}; apt-get install -y chromium)`;

describe.skipIf(!hasChromium)(title, () => {
  let playground: BuiltPlayground;
  let finder: string;

  beforeAll(async () => {
    [playground, finder] = await Promise.all([
      startBuiltPlayground({ width: WIDTHS[0], height: 900 }),
      rangeTestJson(),
    ]);
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);

  afterAll(() => playground?.close());

  /** Opens the page on `tab`, `width` px wide; a range test is loaded on the data tab. */
  async function open(ctx: TestContext, tab: Tab, width: number): Promise<Page> {
    const page = await playground.context.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    ctx.onTestFinished(async () => {
      await page.close();
      expect(errors, "errors thrown in the page").toEqual([]);
    });
    await page.setViewportSize({ width, height: 900 });
    await page.goto(`${playground.url}#${encodeState({ ...defaultState, specs: SPECS, steps: 200, tab })}`);
    await page.waitForSelector("body[data-ready]");
    if (tab === "data") {
      await page.setInputFiles("#data-file", {
        name: "lr-finder.json",
        mimeType: "application/json",
        buffer: Buffer.from(finder),
      });
      await page.waitForSelector(".data-chart svg");
    }
    await chartsDrawn(page);
    return page;
  }

  /**
   * Waits (up to 5 s) until every chart is drawn at its host's width, as they are once the page has
   * settled; the assertions then say what is wrong if they never are.
   */
  const chartsDrawn = (page: Page) =>
    page
      .waitForFunction(
        () =>
          [...document.querySelectorAll<HTMLElement>(".chart-svg")].every(
            (host) => Number(host.querySelector("svg")?.getAttribute("width")) === host.clientWidth,
          ),
        undefined,
        { timeout: 5000 },
      )
      .catch(() => undefined);

  for (const width of WIDTHS) {
    for (const tab of tabs) {
      it(`fits a ${width} px window on the ${tab} tab, with legible charts and usable controls`, async (ctx) => {
        const page = await open(ctx, tab, width);
        // Soft assertions: a failure lists every fault of the tab, each with its numbers.
        await page.screenshot({ path: join(ARTIFACTS, `layout-${width}-${tab}.png`), fullPage: true });

        const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
        expect.soft(scrollWidth, "the page's width").toBeLessThanOrEqual(width);

        const charts = await measureCharts(page);
        expect(charts.length).toBeGreaterThanOrEqual(tab === "data" ? 2 : 1);
        for (const c of charts) {
          expect.soft(c.svg.left).toBeGreaterThanOrEqual(c.host.left - 0.5);
          expect.soft(c.svg.right).toBeLessThanOrEqual(c.host.right + 0.5);
          expect.soft(c.svg.right).toBeLessThanOrEqual(width);
          // Drawn at its width: one SVG unit is one CSS pixel.
          expect.soft(c.svgWidthAttr).toBe(c.hostWidth);
          expect.soft(c.texts).toBeGreaterThan(10);
          expect.soft(c.minTextPx, "the smallest chart text, in CSS px").toBeGreaterThanOrEqual(MIN_TEXT_PX);
          expect.soft(c.collisions, "chart texts that cover each other").toEqual([]);
        }

        if (tab === "data") {
          const { labels, dots, svg, names } = await suggestionBoxes(page);
          expect
            .soft(names.map((n) => n.split(":")[0]))
            .toEqual(["valley", "steepest", "slide", "minimum", "ruleOfThumb"]);
          for (const [i, a] of labels.entries()) {
            expect.soft(a.left, names[i]).toBeGreaterThanOrEqual(svg.left);
            expect.soft(a.right, names[i]).toBeLessThanOrEqual(svg.right);
            for (const [j, b] of labels.entries())
              if (j > i) expect.soft(overlap(a, b), `${names[i]} over ${names[j]}`).toBe(0);
            for (const [j, d] of dots.entries())
              if (j !== i) expect.soft(overlap(a, d), `${names[i]} over the dot of ${names[j]}`).toBe(0);
          }
        }

        expect.soft(await unusableControls(page, [...CONTROLS, ...(PANEL_CONTROLS[tab] ?? [])])).toEqual([]);
      });
    }
  }

  it("redraws the charts at their new width when the window narrows, and keeps the tooltip inside", async (ctx) => {
    const page = await open(ctx, "data", 1280);
    const wide = await measureCharts(page);
    await page.setViewportSize({ width: 375, height: 900 });
    await chartsDrawn(page);
    const narrow = await measureCharts(page);
    expect(narrow.map((c) => c.svgWidthAttr)).toEqual(narrow.map((c) => c.hostWidth));
    narrow.forEach((c, i) => {
      expect(c.hostWidth).toBeLessThan(wide[i]!.hostWidth / 2);
      expect(c.minTextPx).toBeGreaterThanOrEqual(MIN_TEXT_PX);
    });

    // The hover tooltip at either end of the x axis stays in the figure and the page.
    const axis = page.locator("#chart line.x-axis");
    await axis.scrollIntoViewIfNeeded();
    const box = (await axis.boundingBox())!;
    for (const x of [box.x + 2, box.x + box.width - 2]) {
      await page.mouse.move(x, box.y - 20);
      const tip = page.locator(".tooltip");
      await expect.poll(() => tip.isVisible()).toBe(true);
      const [t, figure] = await Promise.all([tip.boundingBox(), page.locator("#chart").boundingBox()]);
      expect(t!.x).toBeGreaterThanOrEqual(figure!.x - 0.5);
      expect(t!.x + t!.width).toBeLessThanOrEqual(figure!.x + figure!.width + 0.5);
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(375);
    }
  });
});
