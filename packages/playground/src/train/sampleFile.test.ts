import { describe, expect, it } from "vitest";
import { decodeSample, encodeSample } from "./sampleFile.js";

const set = (part: string, count: number, first: number) => ({
  name: `digits/${part}`,
  images: Uint8Array.from({ length: count * 6 }, (_, i) => (first + i) % 256),
  labels: Uint8Array.from({ length: count }, (_, i) => i % 3),
  count,
  shape: [2, 3, 1] as const,
  classes: ["a", "b", "c"],
});

describe("the bundled sample's file", () => {
  it("reads back the sets it was written from", () => {
    const sample = { train: set("train", 5, 0), validation: set("validation", 2, 100) };
    const bytes = encodeSample(sample);
    const { train, validation } = decodeSample(bytes);
    expect(train).toEqual({ ...sample.train, shape: [2, 3, 1], name: "digits/train" });
    expect(validation).toEqual({ ...sample.validation, shape: [2, 3, 1], name: "digits/validation" });
  });

  it("refuses bytes that are not a whole sample", () => {
    const bytes = encodeSample({ train: set("train", 5, 0), validation: set("validation", 2, 100) });
    expect(() => decodeSample(bytes.subarray(0, bytes.length - 1))).toThrow(
      `the bundled sample has ${bytes.length - 1} bytes where its header says ${bytes.length}`,
    );
    expect(() => decodeSample(Uint8Array.of(3, 0, 0, 0, 1, 2, 3))).toThrow(
      "the bundled sample has no readable header",
    );
    expect(() => decodeSample(new Uint8Array(0))).toThrow("the bundled sample is empty");
  });
});
