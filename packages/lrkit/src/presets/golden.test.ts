import { existsSync, readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, test } from "vitest";
import { presetCaseProblems, readPresetCases, type PresetCase } from "../test/presetCases.js";
import "./index.js"; // registers the presets, for fromSpec

const here = (path: string): string => fileURLToPath(new URL(path, import.meta.url));

/** The project's shared golden folder, next to the repository: absent in a fresh clone (CI). */
const SHARED = here("../../../../../shared/golden/presets");

/** Another cases.json of the same schema to check too: `LRKIT_PRESETS_GOLDEN=<folder>`. */
const EXTRA = process.env.LRKIT_PRESETS_GOLDEN;

/** Every case's problems, by id, for the cases that have any. */
function failures(cases: readonly PresetCase[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const c of cases) {
    const problems = presetCaseProblems(c);
    if (problems.length > 0) out[c.id] = problems.slice(0, 5);
  }
  return out;
}

describe("the presets give the real libraries' numbers (Optax, Keras, timm, Hugging Face)", () => {
  // golden/ is a copy of the project's shared/golden/presets: values produced by the libraries
  // themselves (see golden/README.md), nothing by lrkit.
  test("on every case of golden/cases.json, each within its stated tolerance (222 cases)", () => {
    const cases = readPresetCases(here("./golden/cases.json"));
    expect(cases).toHaveLength(222);
    expect(failures(cases)).toEqual({});
  });

  test.skipIf(!existsSync(SHARED))(
    "on a byte-identical copy of ../shared/golden/presets (skipped where that folder is absent)",
    () => {
      for (const file of ["README.md", "cases.json"]) {
        expect(readFileSync(here(`./golden/${file}`)).equals(readFileSync(`${SHARED}/${file}`)), file).toBe(
          true,
        );
      }
    },
  );

  test.runIf(EXTRA !== undefined)(`on every case of LRKIT_PRESETS_GOLDEN (${EXTRA})`, () => {
    const file = `${EXTRA}/cases.json`;
    expect(existsSync(file), `${file} exists`).toBe(true);
    const cases = readPresetCases(file);
    expect(cases.length).toBeGreaterThan(0);
    expect(failures(cases)).toEqual({});
  });
});

describe("presetCaseProblems", () => {
  const base: PresetCase = {
    id: "optax.constant_schedule#test",
    spec: { type: "optax.constant_schedule", value: 0.5 },
    values: [0.5, 0.5, 0.5],
    rtol: 1e-12,
    atol: 0,
    error: null,
  };

  test("passes a case within its tolerance and names the step of a value outside it", () => {
    expect(presetCaseProblems(base)).toEqual([]);
    expect(presetCaseProblems({ ...base, values: [0.5, 0.5 + 1e-12, 0.5], atol: 1e-12 })).toEqual([]);
    expect(presetCaseProblems({ ...base, values: [0.5, 0.5 + 1e-9, 0.5] })).toEqual([
      "t = 1: got 0.5, expected 0.500000001",
    ]);
  });

  test("accepts a listed float32 alternative within 1e-6, and nothing else there", () => {
    const off = { ...base, values: [0.5, 0.6, 0.5] };
    expect(presetCaseProblems({ ...off, alternatives: [{ t: 1, value: 0.5000001 }] })).toEqual([]);
    expect(presetCaseProblems({ ...off, alternatives: [{ t: 1, value: 0.51 }] })).toHaveLength(1);
  });

  test("reads non-finite values written as strings", () => {
    expect(presetCaseProblems({ ...base, values: ["NaN"] })).toEqual(["t = 0: got 0.5, expected NaN"]);
  });

  test("passes an error case only when the spec is rejected (or throws by error.at)", () => {
    const error = { at: null, type: "ValueError", message: "bad" };
    const rejected = { ...base, spec: { type: "optax.constant_schedule", value: "x" }, values: [], error };
    expect(presetCaseProblems(rejected)).toEqual([]);
    expect(presetCaseProblems({ ...base, values: [], error })).toEqual([
      "accepted parameters the library rejects (ValueError: bad)",
    ]);
  });

  test("fails a case whose spec lrkit rejects", () => {
    expect(presetCaseProblems({ ...base, spec: { type: "optax.constant_schedule" } })).toEqual([
      expect.stringMatching(/^rejected at construction: /),
    ]);
  });
});
