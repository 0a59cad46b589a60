import { describe, expect, it } from "vitest";
import { evaluate } from "./evaluate.js";

describe("evaluate", () => {
  it("builds a schedule from the text syntax or JSON", () => {
    const a = evaluate("cosine(lr=0.3, steps=30)");
    const b = evaluate('{"type": "cosine", "lr": 0.3, "steps": 30}');
    expect(a.ok && b.ok && a.schedule(7) === b.schedule(7)).toBe(true);
  });

  it("locates a parameter error by path and column, and keeps the parsed spec", () => {
    const r = evaluate("cosine(lr=0.3, steps=0)");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.spec).toEqual({ type: "cosine", lr: 0.3, steps: 0 });
    expect(r.problem).toMatchObject({ path: "$.steps", line: 1, column: 22 });
    expect(r.problem.reason).toBe("cosine: steps must be a positive number, got 0");
    expect(r.problem.message).toContain("column 22");
  });

  it("locates a syntax error by column, without a spec", () => {
    const r = evaluate("cosine(lr=0.3,, steps=5)");
    expect(r).toMatchObject({ ok: false, problem: { column: 15 } });
    expect(r.ok || r.spec).toBeUndefined();
  });

  it("reports JSON that is not a spec", () => {
    expect(evaluate("{nope")).toMatchObject({
      ok: false,
      problem: { reason: expect.stringMatching(/invalid JSON/) },
    });
    expect(evaluate('{"lr": 1}')).toMatchObject({ ok: false, problem: { path: "$.type" } });
  });
});
