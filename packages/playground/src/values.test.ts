import { describe, expect, it } from "vitest";
import { parseValue, printField, readField } from "./values.js";

describe("field values", () => {
  it("read numbers in decimal and scientific notation, and reject anything else with the text", () => {
    expect(readField("number", " 1e-4 ")).toEqual({ value: 1e-4 });
    expect(readField("number", "-.5")).toEqual({ value: -0.5 });
    expect(readField("number", "0x10")).toEqual({
      error: 'expected a number such as 0.1 or 1e-4, got "0x10"',
    });
    expect(readField("integer", "")).toEqual({ value: undefined });
  });

  it("read lists of numbers with or without brackets", () => {
    expect(readField("numbers", "15, 30")).toEqual({ value: [15, 30] });
    expect(readField("numbers", "[15, 30]")).toEqual({ value: [15, 30] });
    expect(readField("numbers", "15,, 30")).toHaveProperty("error");
    expect(readField("numbers", "a, b")).toHaveProperty("error");
  });

  it("read mappings and lists in JSON or in the spec syntax", () => {
    expect(parseValue('{"20": 0.1}')).toEqual({ value: { "20": 0.1 } });
    expect(parseValue("{20: 0.1, 40: 0.5}")).toEqual({ value: { "20": 0.1, "40": 0.5 } });
    expect(parseValue("[10, 40]")).toEqual({ value: [10, 40] });
    expect(parseValue("True")).toEqual({ value: true });
    expect(parseValue("{20: }")).toEqual({ error: expect.stringMatching(/at column 6$/) });
  });

  it("read a nested schedule in the spec syntax or JSON", () => {
    expect(readField("schedule", "cosine(lr=0.1, steps=10)")).toEqual({
      value: { type: "cosine", lr: 0.1, steps: 10 },
    });
    expect(readField("schedule", "cosine(lr=0.1,, steps=10)")).toHaveProperty("error");
  });

  it("print what they read", () => {
    for (const [kind, text] of [
      ["number", "0.0001"],
      ["numbers", "15, 30"],
      ["json", "{min_lr: 0.000001}"],
      ["json", "[10, 40]"],
      ["boolean", "true"],
      ["enum", "cos"],
      ["string", "0.1 * 0.95 ** t"],
    ] as const) {
      const read = readField(kind, text);
      expect("value" in read && printField(kind, read.value)).toBe(text);
    }
  });
});
