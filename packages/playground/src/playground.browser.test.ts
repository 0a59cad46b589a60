/**
 * The built playground, driven in a real Chromium (headless, through playwright-core; no browser is
 * ever downloaded). The page is built with Vite into a temporary directory first and served by a
 * small static server on a free localhost port.
 *
 * Without Chromium these tests are skipped, and say so: set LRKIT_CHROMIUM to another Chromium or
 * Chrome binary, or install Debian's package (`apt-get update && apt-get install -y chromium`).
 */
import { existsSync, mkdirSync } from "node:fs";
import { join } from "node:path";
import { parseSchedule, parseText, toText } from "lrkit";
import "lrkit/presets"; // the page knows them: so must the expected list
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it, type TestContext } from "vitest";
import { evaluate } from "./evaluate.js";
import { encodeState, defaultState } from "./state.js";
import { ARTIFACTS, openPage, startBuiltPlayground, type BuiltPlayground } from "./test/builtPlayground.js";
import { CHROMIUM } from "./test/chromium.js";

const hasChromium = existsSync(CHROMIUM);

if (!hasChromium) {
  console.warn(
    `\n[@lrkit/playground] SKIPPING the browser tests: no Chromium at ${CHROMIUM}.\n` +
      "  Install it with `apt-get update && apt-get install -y chromium` (Debian, Ubuntu),\n" +
      "  or set LRKIT_CHROMIUM to the path of a Chromium or Chrome binary.\n",
  );
}

const title = hasChromium
  ? "the playground in Chromium"
  : `the playground in Chromium (SKIPPED: no Chromium at ${CHROMIUM}; apt-get install -y chromium)`;

describe.skipIf(!hasChromium)(title, () => {
  let playground: BuiltPlayground;
  let context: BrowserContext;

  beforeAll(async () => {
    playground = await startBuiltPlayground({ width: 1360, height: 900 });
    ({ context } = playground);
    await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: playground.url });
    mkdirSync(ARTIFACTS, { recursive: true });
  }, 120_000);

  afterAll(() => playground?.close());

  /** Opens the page at `hash`; a failing test leaves a screenshot in test-artifacts/. */
  async function open(ctx: TestContext, hash = ""): Promise<Page> {
    const page = await openPage(playground, ctx);
    await page.goto(`${playground.url}${hash ? `#${hash}` : ""}`);
    await page.waitForSelector("body[data-ready]");
    return page;
  }

  const curves = (page: Page) =>
    page.$$eval("#chart path.series", (ps) => ps.map((p) => p.getAttribute("d") ?? ""));
  const specText = (page: Page) => page.inputValue("#spec-text");

  it("redraws the curve when a parameter changes, and the spec text and the URL follow", async (ctx) => {
    const page = await open(ctx);
    const [before] = await curves(page);
    expect(before).toMatch(/^M/);
    // The nested cosine's lr, a field generated from the registry's valibot schema.
    await page.fill('[data-key="$.schedule.lr"]', "0.1");
    expect(await specText(page)).toBe("warmup(cosine(lr=0.1, steps=25, minLr=0.01), steps=5)");
    const [after] = await curves(page);
    expect(after).not.toBe(before);
    await page.waitForFunction(() => location.hash.includes("lr=0.1"));

    // A field generated for an enum: the warmup's ramp shape, one of the parameters left at their
    // defaults behind a disclosure.
    await page.click('[data-key="$.more"]');
    await page.selectOption('[data-key="$.mode"]', "cosine");
    expect(await specText(page)).toBe('warmup(cosine(lr=0.1, steps=25, minLr=0.01), steps=5, mode="cosine")');
    expect((await curves(page))[0]).not.toBe(after);

    // Hovering shows the step and the value there.
    const box = (await page.locator("#chart svg").boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.5, box.y + box.height * 0.5);
    const tip = page.locator(".tooltip");
    await expect.poll(() => tip.isVisible()).toBe(true);
    const step = Number((await tip.locator(".tip-step").textContent())!.replace("step ", ""));
    const value = Number(await tip.locator(".tip-value").getAttribute("data-value"));
    expect(step).toBeGreaterThan(0);
    expect(value).toBe(parseSchedule(await specText(page))(step));
    // ...and the arrow keys move it.
    await page.focus("#chart");
    await page.keyboard.press("Home");
    expect(await tip.locator(".tip-step").textContent()).toBe("step 0");
  });

  it("shows an invalid spec's error with its column next to the field, and keeps the last valid chart", async (ctx) => {
    const page = await open(ctx);
    const [valid] = await curves(page);
    const bad = "warmup(cosine(lr=0.3, steps=0, minLr=0.01), steps=5)";
    await page.fill("#spec-text", bad);
    const problem = evaluate(bad);
    expect(problem.ok).toBe(false);
    const column = problem.ok ? 0 : problem.problem.column!;
    const error = page.locator("#spec-error");
    await expect.poll(() => error.isVisible()).toBe(true);
    expect(await error.textContent()).toContain(`column ${column}`);
    expect(await error.textContent()).toContain("cosine: steps must be a positive number, got 0");
    expect(await page.getAttribute("#spec-text", "aria-invalid")).toBe("true");
    // The form follows the text, and the field of the problem says what is wrong.
    expect(await page.inputValue('[data-key="$.schedule.steps"]')).toBe("0");
    const fieldError = page.locator('[data-path="$.schedule.steps"] > .error');
    expect(await fieldError.textContent()).toBe("cosine: steps must be a positive number, got 0");
    expect(await page.getAttribute('[data-key="$.schedule.steps"]', "aria-invalid")).toBe("true");
    expect(await curves(page)).toEqual([valid]);
    expect(await page.textContent("#chart-note")).toContain("last valid version of A");

    // A syntax error: the column, and still the last valid chart.
    await page.fill("#spec-text", "warmup(cosine(lr=0.3,, steps=25), steps=5)");
    expect(await error.textContent()).toContain("Spec error at column 22");
    expect(await curves(page)).toEqual([valid]);

    // A field whose text is not a number is flagged where it is; the spec text does not change.
    await page.fill("#spec-text", "cosine(lr=0.3, steps=30)");
    await expect.poll(() => error.isVisible()).toBe(false);
    const fixed = (await curves(page))[0];
    expect(fixed).not.toBe(valid);
    await page.fill('[data-key="$.lr"]', "0.3x");
    expect(await page.textContent('[data-path="$.lr"] > .error')).toContain(
      'expected a number such as 0.1 or 1e-4, got "0.3x"',
    );
    expect(await specText(page)).toBe("cosine(lr=0.3, steps=30)");
    expect(await curves(page)).toEqual([fixed]);
  });

  it("opens a shared link in the same view", async (ctx) => {
    const page = await open(ctx);
    await page.click("#add-schedule");
    await page.fill("#spec-text", "multiStep(lr=0.5, milestones=[15, 30], gamma=0.5)");
    await page.fill("#steps", "40");
    await page.check("#log");
    await page.click("#tab-pytorch");
    await page.waitForFunction(
      () => location.hash.includes("tab=pytorch") && location.hash.includes("steps=40"),
    );
    const view = (p: Page) =>
      p.evaluate(() => ({
        schedules: [...document.querySelectorAll("#schedule-list .pick")].map((b) => [
          b.getAttribute("title"),
          b.getAttribute("aria-pressed"),
        ]),
        text: (document.getElementById("spec-text") as HTMLTextAreaElement).value,
        steps: (document.getElementById("steps") as HTMLInputElement).value,
        log: (document.getElementById("log") as HTMLInputElement).checked,
        tab: document.querySelector('[role="tab"][aria-selected="true"]')?.id,
        chart: document.querySelector("#chart svg")?.outerHTML,
        code: document.getElementById("export-code")?.textContent,
      }));
    const shared = await view(page);
    expect(shared.schedules).toEqual([
      ["warmup(cosine(lr=0.3, steps=25, minLr=0.01), steps=5)", "false"],
      ["multiStep(lr=0.5, milestones=[15, 30], gamma=0.5)", "true"],
    ]);
    expect(shared.code).toContain("MultiStepLR");

    const again = await open(ctx, new URL(page.url()).hash.slice(1));
    expect(await view(again)).toEqual(shared);
    expect(await curves(again)).toHaveLength(2);
  });

  it("warns that the blog's warmup starts at 1e-9 × lr", async (ctx) => {
    const page = await open(ctx);
    await page.fill(
      "#spec-text",
      "recipes.warm_up_cosine_lr_scheduler(lr=0.0001, epochs=100, warm_up_epochs=30)",
    );
    await page.selectOption("#unit", "epoch");
    await page.fill("#steps", "100");
    const finding = page.locator('.diag[data-code="start-near-zero"]');
    await expect.poll(() => finding.isVisible()).toBe(true);
    expect(await finding.locator(".badge").textContent()).toBe("warning");
    expect(await finding.locator(".diag-message").textContent()).toContain("1e-9 of the peak");
    expect(await finding.locator(".diag-fix").textContent()).toContain("startRatio");
    expect(await page.textContent("#panel")).toContain("plan of 100 steps (epochs)");
  });

  it("exports the schedule as PyTorch code and copies it to the clipboard", async (ctx) => {
    const page = await open(ctx, encodeState({ ...defaultState, tab: "pytorch" }));
    const code = (await page.textContent("#export-code"))!;
    expect(code).toContain("import torch");
    expect(code).toContain("lr_scheduler.LambdaLR");
    expect(code).toContain("STEPS = 31");
    await page.click("#copy-code");
    await expect.poll(() => page.textContent(".copy-status")).toBe("Copied to the clipboard.");
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(code);
    for (const [tab, word] of [
      ["ts", "lrkit"],
      ["optax", "optax"],
      ["keras", "keras"],
    ]) {
      await page.click(`#tab-${tab}`);
      expect(await page.textContent("#export-code")).toContain(word);
    }
  });

  it("offers every family, combinator and preset, each with a form that reads back as its example", async (ctx) => {
    const page = await open(ctx);
    const { registry } = await import("lrkit");
    const params = Object.fromEntries(
      [...registry].map(([type, f]) => [type, Object.keys(f.params.entries)]),
    );
    const results = await page.evaluate((params) => {
      const out: { type: string; text: string; ok: boolean; missing: string[] }[] = [];
      const menu = '[data-key="$.type"]';
      const types = [...document.querySelectorAll<HTMLOptionElement>(`${menu} option`)].map((o) => o.value);
      for (const type of types) {
        const select = document.querySelector<HTMLSelectElement>(menu)!;
        select.value = type;
        select.dispatchEvent(new Event("change"));
        out.push({
          type,
          text: (document.getElementById("spec-text") as HTMLTextAreaElement).value,
          ok: document.getElementById("spec-error")!.hidden === true,
          // Every parameter has its field (or fieldset), found by its JSON path.
          missing: (params[type] ?? ["(not registered)"]).filter(
            (name) => !document.querySelector(`#form [data-path="${CSS.escape(`$.${name}`)}"]`),
          ),
        });
      }
      return out;
    }, params);
    expect(results.map((r) => r.type).sort()).toEqual([...registry.keys()].sort());
    for (const r of results) {
      const text = toText(parseText(registry.get(r.type)!.example).spec);
      expect(r).toEqual({ type: r.type, text, ok: true, missing: [] });
    }
  });

  it("shows an LR finder result and a comparison from files, and adds their schedules", async (ctx) => {
    const page = await open(ctx, encodeState({ ...defaultState, tab: "data" }));
    const lrs = Array.from({ length: 60 }, (_, i) => 1e-5 * 1.25 ** i);
    const losses = lrs.map((lr) => 2.3 - 0.4 * Math.log10(lr / 1e-5) + (lr > 0.05 ? 30 * lr : 0));
    const find = {
      lrs,
      losses,
      smoothed: losses,
      stoppedBy: "divergence",
      suggestions: { valley: 3e-3, steep: 1e-3 },
      recommended: "valley",
      recommendedLr: 3e-3,
      agreement: 1,
      restored: true,
    };
    await page.setInputFiles("#data-file", {
      name: "find.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(find)),
    });
    await page.waitForSelector(".data-chart svg");
    expect(await page.textContent(".data-chart svg title")).toBe("LR range test");
    expect(await page.locator(".data-chart .point").count()).toBe(2);
    expect(await page.textContent("#panel")).toContain("recommended: valley = 0.003");

    const epochs = (k: number) =>
      Array.from({ length: 5 }, (_, i) => ({
        epoch: i,
        lr: 0.1,
        metrics: { loss: k / (i + 1), acc: 0.5 + i / 20, val_acc: 0.45 + i / 20 },
        seconds: 1,
      }));
    const compare = {
      experiment: { metrics: ["loss", "acc", "val_acc"] },
      runs: [
        { name: "cosine", spec: { type: "cosine", lr: 0.1, steps: 5 }, epochs: epochs(1) },
        { name: "step", spec: { type: "step", lr: 0.1, stepSize: 2 }, epochs: epochs(1.2) },
      ],
    };
    await page.setInputFiles("#data-file", {
      name: "compare.json",
      mimeType: "application/json",
      buffer: Buffer.from(JSON.stringify(compare)),
    });
    await expect.poll(() => page.textContent(".data-chart svg title")).toBe("Training");
    expect(await page.locator(".data-chart path.series").count()).toBe(6);
    expect(await page.locator("table.finals th[scope=col]").allTextContents()).toEqual([
      "run",
      "loss",
      "acc",
      "val_acc",
    ]);
    await page.getByRole("button", { name: "Add the 2 run schedules to the chart" }).click();
    expect(await page.locator("#schedule-list .pick").count()).toBe(3);
    expect(await curves(page)).toHaveLength(3);
  });

  it("takes a screenshot of a comparison with lint findings", async (ctx) => {
    const page = await open(
      ctx,
      encodeState({
        ...defaultState,
        specs: [
          "warmup(cosine(lr=0.1, steps=90, minLr=0.001), steps=10)",
          "oneCycle(maxLr=0.1, steps=100)",
          "recipes.warm_up_cosine_lr_scheduler(lr=0.1, epochs=100, warm_up_epochs=30)",
        ],
        selected: 2,
        steps: 100,
        unit: "epoch",
      }),
    );
    expect(await curves(page)).toHaveLength(3);
    await page.setViewportSize({ width: 1360, height: 1180 });
    const box = (await page.locator("#chart svg").boundingBox())!;
    await page.mouse.move(box.x + box.width * 0.3, box.y + box.height * 0.55);
    await expect.poll(() => page.locator(".tooltip").isVisible()).toBe(true);
    const path = join(ARTIFACTS, "playground.png");
    await page.screenshot({ path });
    expect(existsSync(path)).toBe(true);
  });
});
