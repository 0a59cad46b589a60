/**
 * Test helper: the built playground in a real Chromium. The page is built with Vite into a
 * temporary directory, served by a small static server on a free localhost port, and opened in a
 * headless Chromium with a fresh profile (playwright-core, which never downloads a browser).
 *
 * @module
 */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { chromium, type BrowserContext, type Page } from "playwright-core";
import { expect, type TestContext } from "vitest";
import { CHROMIUM, CHROMIUM_ARGS } from "./chromium.js";
import { serveStatic, type StaticServer } from "./staticServer.js";

/** The playground package's directory. */
export const PACKAGE = join(dirname(fileURLToPath(import.meta.url)), "..", "..");

/** Where the browser tests leave their screenshots (ignored by git). */
export const ARTIFACTS = join(PACKAGE, "test-artifacts");

/** The built page, served, and a browser context to open it in. */
export interface BuiltPlayground {
  /** The page's URL. */
  readonly url: string;
  readonly context: BrowserContext;
  /** Closes the browser and the server and deletes the build and the profile. */
  close(): Promise<void>;
}

/**
 * Builds the playground (production mode), serves it and starts Chromium.
 *
 * @param viewport - the pages' initial viewport.
 */
export async function startBuiltPlayground(viewport: {
  width: number;
  height: number;
}): Promise<BuiltPlayground> {
  const outDir = mkdtempSync(join(tmpdir(), "lrkit-playground-dist-"));
  const profile = mkdtempSync(join(tmpdir(), "lrkit-playground-profile-"));
  const cleanUp = () => {
    for (const dir of [outDir, profile]) rmSync(dir, { recursive: true, force: true });
  };
  let server: StaticServer;
  let context: BrowserContext;
  try {
    const { build } = await import("vite");
    await build({
      root: PACKAGE,
      configFile: join(PACKAGE, "vite.config.ts"),
      mode: "production",
      logLevel: "warn",
      build: { outDir, emptyOutDir: true },
    });
    server = await serveStatic(outDir);
    context = await chromium
      .launchPersistentContext(profile, {
        executablePath: CHROMIUM,
        headless: true,
        args: [...CHROMIUM_ARGS],
        viewport,
      })
      .catch(async (e: unknown) => {
        await server.close();
        throw e;
      });
  } catch (e) {
    cleanUp();
    throw e;
  }
  return {
    url: server.url,
    context,
    close: async () => {
      await context.close();
      await server.close();
      cleanUp();
    },
  };
}

/**
 * A new page of the built playground for the test `ctx`: an error thrown in the page fails the
 * test, and a failing test leaves a full-page screenshot in {@link ARTIFACTS}. The page is closed
 * when the test ends.
 *
 * @param playground - the built playground, as {@link startBuiltPlayground} gives it.
 * @param ctx - the test's context.
 */
export async function openPage(playground: BuiltPlayground, ctx: TestContext): Promise<Page> {
  const page = await playground.context.newPage();
  const errors: string[] = [];
  page.on("pageerror", (e) => errors.push(e.message));
  ctx.onTestFinished(async () => {
    if (ctx.task.result?.state === "fail") {
      const name = ctx.task.name.replace(/[^\w]+/g, "-").slice(0, 60);
      await page.screenshot({ path: join(ARTIFACTS, `failed-${name}.png`), fullPage: true });
    }
    await page.close();
    expect(errors, "errors thrown in the page").toEqual([]);
  });
  return page;
}
