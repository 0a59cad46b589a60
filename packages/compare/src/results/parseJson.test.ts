import { describe, expect, it } from "vitest";
import { describeValue, jsonPath } from "./issues.js";
import { parseJson } from "./parseJson.js";

describe("jsonPath", () => {
  it("writes identifiers after a dot, indices and other keys in brackets", () => {
    expect(jsonPath([])).toBe("$");
    expect(jsonPath(["runs", 1, "epochs", 3, "metrics", "val_loss"])).toBe(
      "$.runs[1].epochs[3].metrics.val_loss",
    );
    expect(jsonPath(["metrics", "top-5 acc", 'say "hi"'], "$.runs[0]")).toBe(
      '$.runs[0].metrics["top-5 acc"]["say \\"hi\\""]',
    );
  });
});

describe("describeValue", () => {
  it("shows a value short and on one line", () => {
    expect([0.5, Infinity, null, true, undefined, [], [1, 2], {}].map(describeValue)).toEqual([
      "0.5",
      "Infinity",
      "null",
      "true",
      "nothing",
      "an empty list",
      "a list of 2",
      "an object",
    ]);
    expect(describeValue("two\nlines")).toBe('"two\\nlines"');
    expect(describeValue("x".repeat(50))).toBe(`"${"x".repeat(40)}…"`);
  });
});

describe("parseJson", () => {
  it("parses what JSON.parse parses", () => {
    expect(parseJson('{"a": [1, 2e3, null]}')).toEqual({ value: { a: [1, 2000, null] } });
    expect(parseJson('"\\ud800"')).toEqual({ value: "\ud800" });
  });

  it("says where and why text is not JSON: the path of the value being read, the line and the column", () => {
    const cases: [string, string, string][] = [
      ['{"runs": [{"epochs": [1, 2', "$.runs[0].epochs[1]", "the file ends early (line 1, column 27)"],
      ['{\n "a b": [1,\n  2,]}', '$["a b"][2]', "expected a value (line 3, column 5)"],
      ['{"name": "two\nlines"}', "$.name", "a string cut short (or a line break in it) (line 1, column 10)"],
      ['{"lr": 0.1, "lr2" 0.2}', "$.lr2", 'expected ":" (line 1, column 19)'],
      ['{"lr": 01}', "$.lr", 'expected "," or the end of the list or object (line 1, column 9)'],
      ["{'lr': 1}", "$", 'unexpected character "\'" (line 1, column 2)'],
      ["  \n", "$", "the file is empty"],
    ];
    for (const [text, path, message] of cases)
      expect(parseJson(text), text).toEqual({ issue: { path, message } });
  });
});
