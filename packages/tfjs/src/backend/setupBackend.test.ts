import * as tf from "@tensorflow/tfjs-core";
import { describe, expect, it } from "vitest";
import { isLrkitKernel } from "./kernels/registerKernels.js";
import { setupBackend } from "./setupBackend.js";

describe("setupBackend", () => {
  it("falls back from tensorflow (tfjs-node is not installed here) to wasm, registers the kernels and says why", async () => {
    const report = await setupBackend();
    expect(report.backend).toBe("wasm");
    expect(tf.getBackend()).toBe("wasm");
    expect(report.attempts.map((a) => [a.backend, a.ok])).toEqual([
      ["tensorflow", false],
      ["wasm", true],
    ]);
    expect(report.attempts[0]!.detail).toMatch(/^@tensorflow\/tfjs-node is not installed: /);
    expect(report.reason).toMatch(
      /^wasm \((no )?SIMD, \d+ threads?\), because tensorflow is unavailable \(@tensorflow\/tfjs-node is not installed/,
    );
    expect(report.kernels).toContain("Conv2DBackpropFilter");
    expect(isLrkitKernel("Conv2DBackpropFilter", "wasm")).toBe(true);
  });

  it("takes the order to try, and can leave the stock kernels alone", async () => {
    const report = await setupBackend({ prefer: ["cpu"], kernels: false });
    expect(report).toMatchObject({
      backend: "cpu",
      reason: "cpu (pure JavaScript), the first choice",
      kernels: [],
    });
    expect(isLrkitKernel("Conv2DBackpropFilter", "cpu")).toBe(false);
    expect((await setupBackend({ prefer: ["cpu"] })).kernels).toEqual([
      "Conv2DBackpropFilter",
      "MaxPoolGrad",
    ]);
  });

  it("throws when no backend of the list starts, skips a browser backend the app did not import, and refuses unknown names", async () => {
    await expect(setupBackend({ prefer: ["tensorflow"] })).rejects.toThrow(
      /^setupBackend: no backend could start \(tensorflow: @tensorflow\/tfjs-node is not installed: /,
    );
    await expect(setupBackend({ prefer: ["webgl", "cpu"] })).resolves.toMatchObject({
      backend: "cpu",
      reason:
        'cpu (pure JavaScript), because webgl is unavailable (not registered: import "@tensorflow/tfjs-backend-webgl" in the app)',
    });
    await expect(setupBackend({ prefer: ["metal" as "cpu"] })).rejects.toThrow(
      new RangeError(
        'setupBackend: prefer must be a non-empty list of "tensorflow", "webgpu", "webgl", "wasm", "cpu", got ["metal"]',
      ),
    );
  });
});
