import { describe, expect, it } from "vitest";
import { runCli } from "../test/runCli.js";

describe("lrkit types", () => {
  it("lists the types that start with a prefix, with their signature and summary", async () => {
    const { code, out, err } = await runCli(["types", "keras.Cos"]);
    expect([code, err]).toEqual([0, ""]);
    expect(out.split("\n").filter((l) => !l.startsWith(" "))).toEqual([
      "keras.CosineDecay(initial_learning_rate decay_steps [alpha=0] [warmup_target] [warmup_steps=0])",
      "keras.CosineDecayRestarts(initial_learning_rate first_decay_steps [t_mul=2] [m_mul=1] [alpha=0])",
      "",
    ]);
  });

  it("lists a whole type's parameters with their defaults and the help of its schema", async () => {
    const { out } = await runCli(["types", "cosine"]);
    expect(out).toContain('cosine(lr steps [minLr=0] [after="hold"] [exponent=1] [k=1])\n');
    expect(out).toContain("    minLr (default 0): The learning rate at the horizon. Defaults to 0.\n");
    expect(out).toContain("    steps: The horizon: steps to reach minLr.\n");
    const keras = await runCli(["types", "keras.CosineDecay"]);
    expect(keras.out).toContain(
      "    warmup_target (optional): The lr at the end of the warmup, where the decay starts. Defaults to None: no warmup.\n",
    );
    // Only the named type's parameters, not those of the others that start with it.
    expect(out).not.toContain("    period");
  });
});
