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
});
