import { describe, expect, it } from "vitest";
import { runCli } from "../test/runCli.js";
import { TOUR } from "./tour.js";

describe("lrkit tour", () => {
  it("shows every tour schedule with a sparkline and its first, max and last values", async () => {
    const { code, out } = await runCli(["tour"]);
    expect(code).toBe(0);
    expect(out.split("\n").filter((line) => /[▁▂▃▄▅▆▇█]{30}/.test(line))).toHaveLength(TOUR.length);
    expect(out).toContain("multiStep(lr=0.5, milestones=[15, 30], gamma=0.5)");
  });

  it("takes --steps up to 1,000, and refuses others with one line naming the option and the value", async () => {
    const short = await runCli(["tour", "--steps", "5"]);
    expect(short.code).toBe(0);
    expect(short.out).toContain("t = 0 .. 4");
    expect(short.out.split("\n").filter((line) => /│ [▁▂▃▄▅▆▇█]{5} +│/.test(line))).toHaveLength(TOUR.length);
    for (const bad of ["0", "-1", "abc", "2.5"]) {
      const { code, out, err } = await runCli(["tour", "--steps", bad]);
      expect([code, out]).toEqual([2, ""]);
      expect(err.split("\n")[0]).toBe(
        `error: option '-n, --steps <n>' argument '${bad}' is invalid. expected a positive integer up to 9007199254740991, got "${bad}"`,
      );
    }
    expect(await runCli(["tour", "--steps", "1e12"])).toEqual({
      code: 2,
      out: "",
      err: "lrkit: tour: --steps must be at most 1,000 (a sparkline draws one character per step), got 1,000,000,000,000\n",
    });
  });
});
