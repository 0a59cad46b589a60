import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { runCli } from "../test/runCli.js";

const golden = (file: string) =>
  fileURLToPath(new URL(`../../../lrkit/src/torch/golden/shared/${file}`, import.meta.url));

interface Trace {
  id: string;
  trace: { lr: number[][]; last_epoch: (number | null)[] } | null;
  error: { type: string; at_step: number | null } | null;
  state_dict_check: { matches: boolean } | null;
}

describe("lrkit conformance torch", () => {
  it("prints, for every case of the golden file, the trace PyTorch 1.13.1 gives", async () => {
    const { code, out, err } = await runCli(["conformance", "torch", golden("cases.json")]);
    expect(err).toBe("");
    expect(code).toBe(0);
    const mine = JSON.parse(out) as { cases_file: string; cases: Trace[] };
    const torch = (await import(golden("traces.json"), { with: { type: "json" } })).default as {
      cases: Trace[];
    };
    expect(mine.cases_file).toBe("cases.json");
    expect(mine.cases.map((c) => c.id)).toEqual(torch.cases.map((c) => c.id));
    mine.cases.forEach((c, i) => {
      const t = torch.cases[i]!;
      expect(c.error?.type ?? null, c.id).toBe(t.error?.type ?? null);
      expect(c.trace?.last_epoch, c.id).toEqual(t.trace?.last_epoch);
      expect(c.state_dict_check?.matches, c.id).toBe(t.state_dict_check?.matches);
      c.trace?.lr.forEach((row, s) =>
        row.forEach((v, g) => {
          const w = t.trace!.lr[s]![g]!;
          if (Math.abs(v - w) > 1e-12 * Math.abs(v) + 1e-18)
            expect.fail(`${c.id} step ${s} group ${g}: ${v} vs ${w}`);
        }),
      );
    });
  });

  it("handles cases of the same schema that are not in the golden file, errors included", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lrkit-conformance-"));
    const file = join(dir, "mine.json");
    writeFileSync(
      file,
      JSON.stringify([
        {
          id: "onecycle_over",
          scheduler: "OneCycleLR",
          kwargs: { max_lr: 0.1, total_steps: 5 },
          optimizer: { type: "SGD", defaults: { lr: 0.1, momentum: 0.9 } },
          steps: 8,
        },
        {
          id: "step_bad",
          scheduler: "StepLR",
          kwargs: { step_size: 0 },
          optimizer: { type: "SGD", defaults: { lr: 0.1 } },
          steps: 3,
        },
      ]),
    );
    const { code, out } = await runCli(["conformance", "torch", file]);
    expect(code).toBe(0);
    const [over, bad] = (JSON.parse(out) as { cases: Trace[] }).cases;
    expect(over!.error).toMatchObject({ type: "ValueError", at_step: 5 });
    expect(over!.trace!.lr).toHaveLength(6);
    expect(bad!.error).toMatchObject({ type: "ZeroDivisionError" });
  });

  it("rejects an unknown framework and an unreadable file", async () => {
    expect((await runCli(["conformance", "jax", golden("cases.json")])).err).toBe(
      'lrkit: conformance: unknown framework "jax" (expected "torch")\n',
    );
    const missing = await runCli(["conformance", "torch", "/nonexistent.json"]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^lrkit: conformance: cannot read \/nonexistent.json: ENOENT/);
  });
});
