import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { decodeWeights, encodeWeights } from "./weights.js";

describe("encodeWeights and decodeWeights", () => {
  it("give back the same arrays, bit for bit", () => {
    const arrays = fc.array(fc.float32Array({ maxLength: 50 }), { maxLength: 6 });
    fc.assert(
      fc.property(arrays, (weights) => {
        const back = decodeWeights(encodeWeights(weights));
        expect(back.map((w) => [...new Uint32Array(w.buffer)])).toEqual(
          weights.map((w) => [...new Uint32Array(w.buffer, w.byteOffset, w.length)]),
        );
      }),
    );
  });

  it("refuse bytes cut short or of another size than their header says", () => {
    const bytes = encodeWeights([Float32Array.of(1, 2, 3)]);
    expect(() => decodeWeights(bytes.subarray(0, 2))).toThrow(
      "compare queue: the stored weights are truncated",
    );
    expect(() => decodeWeights(bytes.subarray(0, bytes.length - 4))).toThrow(
      "compare queue: the stored weights' size does not match their header",
    );
  });
});
