import { spawn } from "node:child_process";
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { stripVTControlCharacters } from "node:util";
import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { cosine, warmup, withHorizon } from "lrkit";
import { chromium, type Browser } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { npmInstall, packWorkspace, ROOT, runIn } from "../../packages/cli/src/test/packages.js";
import { CHROMIUM, CHROMIUM_ARGS } from "../../packages/playground/src/test/chromium.js";
import { serveStatic, type StaticServer } from "../../packages/playground/src/test/staticServer.js";

// The example app as a user builds it: the packed packages installed into a copy of it, type-checked
// against them, built by its own Vite and by esbuild with no alias and no external (esbuild told
// only to load .wasm files as files, as Vite does by default), served by Vite's dev server too, and
// run in Debian's Chromium on webgl (SwiftShader) and on wasm (lrkit's kernels loaded in the page).

const HERE = fileURLToPath(new URL(".", import.meta.url));
const hasChromium = existsSync(CHROMIUM);

type Bundler = "vite" | "esbuild" | "vite dev";

/** What the app leaves in `window.lrkitResult`. */
interface AppResult {
  backend: string;
  reason: string;
  kernels: string[];
  convolutionGradient: number[];
  restored: boolean;
  stoppedBy: string;
  recommendedLr: number | null;
  lrs: number[];
  accuracy: number;
}

/** Vite's dev server on the app (its own pre-bundling of the dependencies), on a free port. */
async function viteDevServer(app: string): Promise<StaticServer> {
  const port = await new Promise<number>((resolve) => {
    const probe = createServer().listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as AddressInfo;
      probe.close(() => resolve(port));
    });
  });
  // NO_COLOR: with CI set, Vite colours its output even into a pipe (the port in bold).
  const vite = spawn(
    join(app, "node_modules", ".bin", "vite"),
    ["--host", "127.0.0.1", "--port", `${port}`, "--strictPort"],
    { cwd: app, stdio: ["ignore", "pipe", "pipe"], env: { ...process.env, NO_COLOR: "1" } },
  );
  let output = "";
  try {
    await new Promise<void>((resolve, reject) => {
      const read = (chunk: Buffer) => {
        output += stripVTControlCharacters(chunk.toString());
        if (output.includes(`:${port}/`)) resolve();
      };
      vite.stdout.on("data", read);
      vite.stderr.on("data", read);
      vite.on("exit", (code) => reject(new Error(`vite exited with ${code}:\n${output}`)));
      setTimeout(() => reject(new Error(`vite printed no address in 60 s:\n${output}`)), 60_000).unref();
    });
  } catch (error) {
    vite.kill();
    throw error;
  }
  return {
    url: `http://127.0.0.1:${port}/`,
    close: () =>
      new Promise<void>((resolve) => {
        vite.on("exit", () => resolve());
        vite.kill();
      }),
  };
}

const title = hasChromium
  ? "the browser example, built from the packed packages"
  : `the browser example (SKIPPED: no Chromium at ${CHROMIUM}; apt-get install -y chromium)`;

describe.skipIf(!hasChromium)(title, () => {
  let work: string;
  const servers: Partial<Record<Bundler, StaticServer>> = {};
  let browser: Browser;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), "lrkit-example-"));
    const packed = packWorkspace(work);
    const app = join(work, "app");
    for (const entry of ["package.json", "index.html", "tsconfig.json", "src"])
      cpSync(join(HERE, entry), join(app, entry), { recursive: true });
    npmInstall(app, [packed.lrkit.tarball, packed["@lrkit/tfjs"].tarball]);
    runIn(app, join(ROOT, "node_modules", ".bin", "tsc"), ["-p", "tsconfig.json"]);
    runIn(app, join(app, "node_modules", ".bin", "vite"), ["build", "--logLevel", "error"]);
    servers.vite = await serveStatic(join(app, "dist"));

    const esbuildOut = join(app, "esbuild-dist");
    mkdirSync(esbuildOut);
    await build({
      entryPoints: [join(app, "src", "main.ts")],
      absWorkingDir: app,
      bundle: true,
      format: "esm",
      platform: "browser",
      target: "es2022",
      minify: true,
      loader: { ".wasm": "file" },
      outdir: esbuildOut,
      logLevel: "error",
    });
    const html = readFileSync(join(app, "index.html"), "utf8").replace("/src/main.ts", "./main.js");
    writeFileSync(join(esbuildOut, "index.html"), html);
    servers.esbuild = await serveStatic(esbuildOut);
    servers["vite dev"] = await viteDevServer(app);
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      headless: true,
      args: [...CHROMIUM_ARGS],
    });
  }, 240_000);

  afterAll(async () => {
    await browser?.close();
    for (const server of Object.values(servers)) await server.close();
    if (work) rmSync(work, { recursive: true, force: true });
  });

  async function run(bundler: Bundler, backend?: "webgl" | "wasm"): Promise<AppResult> {
    const page = await browser.newPage();
    const errors: string[] = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(backend ? `${servers[bundler]!.url}?backend=${backend}` : servers[bundler]!.url);
    // The app sets lrkitResult when done, or lrkitError when it fails (the page's errors say why).
    await page.waitForFunction(() => "lrkitResult" in window || "lrkitError" in window, null, {
      timeout: 90_000,
    });
    expect(errors).toEqual([]);
    expect(
      await page.evaluate(() => (window as unknown as { lrkitError?: string }).lrkitError),
    ).toBeUndefined();
    const result = (await page.evaluate(
      () => (window as unknown as { lrkitResult: AppResult }).lrkitResult,
    ))!;
    await page.close();
    return result;
  }

  // 512 points, validationSplit 0.25: 384 train, 12 batches of 32 an epoch, 4 epochs.
  const expectedLrs = () => {
    const schedule = withHorizon(warmup(cosine({ lr: 0.02, steps: 95 }), { steps: 5 }), 48);
    return Array.from({ length: 48 }, (_, t) => schedule(t));
  };

  for (const [bundler, backend] of [
    ["vite", "webgl"],
    ["vite", "wasm"],
    ["esbuild", "webgl"],
    ["esbuild", "wasm"],
    ["vite dev", "wasm"],
  ] as const) {
    it(`built by ${bundler}, on ${backend}: the range test restores the model, fit sizes the schedule to its 48 updates`, async () => {
      const result = await run(bundler, backend);
      expect(result.backend).toBe(backend);
      expect(result.restored).toBe(true);
      expect(result.stoppedBy).toMatch(/^(end|divergence)$/);
      expect(result.recommendedLr).toBeGreaterThan(0);
      expect(result.lrs).toEqual(expectedLrs());
      expect(result.accuracy).toBeGreaterThan(0.7);
      // A 3×3 filter over a 4×4 image of ones, "same" padding: each tap sees 9, 12 or 16 pixels.
      expect(result.convolutionGradient).toEqual([9, 12, 9, 12, 16, 12, 9, 12, 9]);
      if (backend === "wasm") expect(result.kernels).toContain("Conv2DBackpropFilter");
    }, 120_000);
  }

  it("picks a backend by itself: webgpu is skipped (the app did not import it), webgl starts", async () => {
    const result = await run("vite");
    expect(result.backend).toBe("webgl");
    expect(result.reason).toMatch(/^webgl, because webgpu is unavailable \(.+\)$/);
    expect(result.restored).toBe(true);
  }, 120_000);
});
