import { describe, expect, it } from "vitest";
import { BUNDLE_TARGETS, bundleSize, TFJS_EXTERNAL, TFJS_PAGE } from "./test/bundleSize.js";

// What a browser app pays for lrkit (see test/bundleSize.ts): bytes are deterministic for the same
// sources, so these are tests, not benchmarks. `npm run sizes` prints them.

describe("bundle sizes for a browser app", () => {
  for (const target of BUNDLE_TARGETS) {
    it(`${target.name}: at most ${target.maxGzip / 1024} KB gzip`, async () => {
      const size = await bundleSize(target.code, target.external);
      expect(size.gzip, JSON.stringify(size)).toBeLessThanOrEqual(target.maxGzip);
    });
  }

  it("a TensorFlow.js page that schedules its fit bundles no preset: they come with lrkit/presets", async () => {
    const page = await bundleSize(TFJS_PAGE.with);
    expect(page.files.filter((file) => file.includes("lrkit/src/presets/"))).toEqual([]);
    // One preset registers them all, so that fromSpec and the text syntax know every preset name.
    const preset = await bundleSize(
      'import { optax } from "lrkit/presets"; console.log(optax.cosine_decay_schedule({ init_value: 1, decay_steps: 2 })(1));',
    );
    expect(preset.files).toContain("packages/lrkit/src/presets/hf/getScheduler.ts");
  });

  it("every main entry bundles for the browser: no Node built-in is reached", async () => {
    for (const entry of ["lrkit", "lrkit/presets", "lrkit/torch", "@lrkit/plot", "@lrkit/tfjs"]) {
      const size = await bundleSize(`export * from "${entry}";`, TFJS_EXTERNAL);
      expect(size.minified, entry).toBeGreaterThan(0);
    }
    await expect(bundleSize('export * from "@lrkit/tfjs/node";', TFJS_EXTERNAL)).rejects.toThrow(
      /node:worker_threads/,
    );
  });
});
