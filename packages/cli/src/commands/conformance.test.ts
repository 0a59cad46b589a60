import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import type { TraceFile } from "lrkit/torch";
import { compareTraces } from "../../../lrkit/src/torch/test/compare.js";
import { runCli } from "../test/runCli.js";

const golden = (path: string) =>
  fileURLToPath(new URL(`../../../lrkit/src/torch/golden/${path}`, import.meta.url));

interface Trace {
  id: string;
  trace: { lr: number[][]; last_epoch: (number | null)[] } | null;
  error: { type: string; at_step: number | null } | null;
  state_dict_check: { matches: boolean } | null;
}

describe("lrkit conformance torch", () => {
  for (const [flag, traces, release] of [
    [[], "torch2/traces.json", "2.13.0"],
    [["--torch-version", "2"], "traces_2.13.json", "2.13.0"],
    [["--torch-version", "1.13"], "torch2/traces_1.13.1.json", "1.13.1"],
    [["--torch-version", "1.13"], "traces.json", "1.13.1"],
  ] as const) {
    it(`${flag.length ? flag.join(" ") : "(no flag)"} prints for every case of ${traces} the trace PyTorch gives`, async () => {
      const cases = golden(traces.replace(/[^/]*$/, "cases.json"));
      const { code, out, err } = await runCli(["conformance", "torch", ...flag, cases]);
      expect(err).toBe("");
      expect(code).toBe(0);
      const mine = JSON.parse(out) as TraceFile;
      const torch = JSON.parse(readFileSync(golden(traces), "utf8")) as TraceFile;
      expect([mine.cases_file, mine.torch_version]).toEqual(["cases.json", release]);
      const failures = [...compareTraces(mine, torch)].filter(([, diffs]) => diffs.length > 0);
      expect(Object.fromEntries(failures)).toEqual({});
    });
  }

  it("refuses a version it does not know, naming the choices", async () => {
    const { code, err } = await runCli([
      "conformance",
      "torch",
      "--torch-version",
      "3",
      golden("cases.json"),
    ]);
    expect(code).not.toBe(0);
    expect(err).toContain("'3' is invalid. Allowed choices are 2, 1.13.");
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

  it("refuses a file that is not a case list, or a case longer than a trace can hold, in one line before running", async () => {
    const dir = mkdtempSync(join(tmpdir(), "lrkit-conformance-"));
    const notList = join(dir, "object.json");
    writeFileSync(notList, JSON.stringify({ id: "x" }));
    const huge = join(dir, "huge.json");
    const optimizer = { type: "SGD", defaults: { lr: 0.1 } };
    writeFileSync(
      huge,
      JSON.stringify([{ id: "long", scheduler: "StepLR", kwargs: { step_size: 2 }, optimizer, steps: 2e7 }]),
    );
    const a = await runCli(["conformance", "torch", notList]);
    expect([a.code, a.err]).toEqual([
      2,
      `lrkit: conformance: ${notList}: runConformance: expected an array of cases\n`,
    ]);
    const b = await runCli(["conformance", "torch", huge]);
    expect([b.code, b.out]).toEqual([2, ""]);
    expect(b.err).toBe(
      `lrkit: conformance: ${huge}: runConformance: case 0 ("long"): steps must be an integer in [0, 1000000], got 20000000\n`,
    );
  });
});
