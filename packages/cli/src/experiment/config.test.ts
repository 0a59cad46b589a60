import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CliError } from "../io.js";
import { runCli } from "../test/runCli.js";
import { parseCompareConfig, readCompareConfig } from "./config.js";

const MINIMAL = { epochs: 3, schedules: [{ name: "a", spec: "constant(lr=0.1)" }] };

function problems(value: unknown): string {
  try {
    parseCompareConfig(value, "test.json");
  } catch (e) {
    expect(e).toBeInstanceOf(CliError);
    return (e as Error).message;
  }
  throw new Error("expected the config to be rejected");
}

describe("parseCompareConfig", () => {
  it("fills in the defaults and builds every spec form into a JSON spec", () => {
    const dir = mkdtempSync(join(tmpdir(), "lrkit-config-"));
    try {
      writeFileSync(join(dir, "cos.txt"), "cosine(lr=0.3, steps=3)");
      const config = parseCompareConfig(
        {
          epochs: 3,
          schedules: [
            { name: "text", spec: "warmup(cosine(lr=0.3, steps=2), steps=1)" },
            { name: "json", spec: { type: "step", lr: 0.1, stepSize: 2 }, unit: "batch" },
            { name: "file", spec: "@cos.txt" },
          ],
        },
        "c.json",
        dir,
      );
      expect(config).toMatchObject({
        source: { model: undefined, data: undefined, module: undefined, seed: 0 },
        baseDir: dir,
        epochs: 3,
        batchSize: 32,
        seed: 0,
      });
      expect(config.optimizer).toBeUndefined();
      expect(config.schedules.map((s) => [s.name, s.schedule.spec, s.unit])).toEqual([
        ["text", { type: "warmup", schedule: { type: "cosine", lr: 0.3, steps: 2 }, steps: 1 }, "epoch"],
        ["json", { type: "step", lr: 0.1, stepSize: 2 }, "batch"],
        ["file", { type: "cosine", lr: 0.3, steps: 3 }, "epoch"],
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it("names the path of every invalid field", () => {
    expect(
      problems({
        model: 5,
        data: { csv: "x.csv" },
        trainSize: -5,
        epochs: 2.5,
        schedules: [{ name: "a", spec: "constant(lr=0.1)", unit: "week" }, { spec: "constant(lr=1)" }],
        extra: true,
      }),
    ).toBe(
      [
        "invalid test.json:",
        "  model: Invalid input: expected string, received number",
        "  data: Invalid input",
        "  trainSize: Too small: expected number to be >0",
        "  epochs: Invalid input: expected int, received number",
        '  schedules[0].unit: Invalid option: expected one of "epoch"|"batch"',
        "  schedules[1].name: Invalid input: expected string, received undefined",
        '  (top level): Unrecognized key: "extra"',
      ].join("\n"),
    );
  });

  it("rejects a missing epochs, an empty schedule list and duplicate names", () => {
    expect(problems({ schedules: [] })).toBe(
      [
        "invalid test.json:",
        "  epochs: Invalid input: expected number, received undefined",
        "  schedules: Too small: expected array to have >=1 items",
      ].join("\n"),
    );
    expect(
      problems({
        epochs: 1,
        schedules: [
          { name: "x", spec: "constant(lr=1)" },
          { name: "x", spec: "constant(lr=2)" },
        ],
      }),
    ).toBe('invalid test.json:\n  schedules[1].name: duplicate name "x" (also schedules[0].name)');
  });

  it("reports a spec error with the schedule's index and the spec's own path or position", () => {
    expect(
      problems({
        epochs: 1,
        schedules: [
          { name: "a", spec: "cosine(lr=0.3, steps=0)" },
          { name: "b", spec: { type: "join", schedules: [{ type: "nope" }], boundaries: [] } },
          { name: "c", spec: "cosine(lr=" },
        ],
      }),
    ).toBe(
      [
        "invalid test.json:",
        "  schedules[0].spec: spec error at $.steps (line 1, column 22): cosine: steps must be a positive number, got 0",
        '  schedules[1].spec: spec error at $.schedules[0].type: unknown schedule type "nope" (`lrkit types` lists them)',
        "  schedules[2].spec: Unexpected token at column 11",
        "cosine(lr=",
        "          ^",
      ].join("\n"),
    );
  });

  it("checks the optimizer's options against its entry in @lrkit/tfjs's OPTIMIZERS and their ranges", () => {
    expect(problems({ ...MINIMAL, optimizer: "sgd", optimizerOptions: { momentum: 0.9 } })).toBe(
      'invalid test.json:\n  optimizerOptions.momentum: sgd has no option "momentum" (its options: none but the lr)',
    );
    expect(problems({ ...MINIMAL, optimizer: "adam", optimizerOptions: { beta2: 1, epsilon: 0 } })).toMatch(
      /^invalid test.json:\n {2}optimizerOptions.beta2: Too big: expected number to be <1\n {2}optimizerOptions.epsilon: Too small: expected number to be >0$/,
    );
    expect(problems({ ...MINIMAL, optimizerOptions: { nesterov: 1, lion: 2 } })).toBe(
      'invalid test.json:\n  optimizerOptions.nesterov: Invalid input: expected boolean, received number\n  optimizerOptions: Unrecognized key: "lion"',
    );
    const config = parseCompareConfig({
      ...MINIMAL,
      optimizer: "rmsprop",
      optimizerOptions: { momentum: 0.5, centered: true },
    });
    expect(config.optimizerOptions).toEqual({ momentum: 0.5, centered: true });
  });

  it("takes successive halving's minEpochs and eta (2 by default), naming a bad one", () => {
    expect(parseCompareConfig({ ...MINIMAL, halving: { minEpochs: 3 } }).halving).toEqual({
      minEpochs: 3,
      eta: 2,
    });
    expect(parseCompareConfig(MINIMAL).halving).toBeUndefined();
    expect(problems({ ...MINIMAL, halving: { minEpochs: 0, eta: 1 } })).toBe(
      "invalid test.json:\n  halving.minEpochs: Too small: expected number to be >0\n  halving.eta: Too small: expected number to be >1",
    );
  });

  it("accepts the minimal config", () => {
    expect(parseCompareConfig(MINIMAL).schedules[0]!.schedule.spec).toEqual({ type: "constant", lr: 0.1 });
  });
});

describe("lrkit compare, bad input", () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), "lrkit-config-cli-"));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("exits 2 with the config's problems before any training", async () => {
    const file = join(dir, "bad.json");
    writeFileSync(file, JSON.stringify({ ...MINIMAL, optimizer: "lion" }));
    const { code, out, err } = await runCli(["compare", "--config", file]);
    expect(code).toBe(2);
    expect(out).toBe("");
    expect(err).toBe(
      `lrkit: invalid ${file}:\n  optimizer: Invalid option: expected one of "sgd"|"momentum"|"adam"|"adamax"|"rmsprop"|"adagrad"|"adadelta"\n`,
    );
  });

  it("exits 2 for a file that is missing or not JSON, and for neither or both of --config and --preset", async () => {
    const notJson = join(dir, "x.json");
    writeFileSync(notJson, "{ epochs: 3 }");
    expect((await runCli(["compare", "--config", notJson])).err).toMatch(
      new RegExp(`^lrkit: config file ${notJson} is not JSON: `),
    );
    const missing = await runCli(["compare", "--config", join(dir, "none.json")]);
    expect(missing.code).toBe(2);
    expect(missing.err).toMatch(/^lrkit: cannot read config file .*none\.json: ENOENT/);
    expect(await runCli(["compare"])).toMatchObject({
      code: 2,
      err: "lrkit: give either --config <file> or --preset d2l\n",
    });
    const both = await runCli(["compare", "--config", notJson, "--preset", "d2l"]);
    expect(both.code).toBe(2);
    expect((await runCli(["compare", "--preset", "resnet"])).code).toBe(2);
  });

  it("exits 2 for a model and data that do not go together, naming the field", async () => {
    const cases: [object, string][] = [
      [
        { model: "lenet", data: { csv: "a.csv", label: "y" } },
        'lrkit: data: the bundled model lenet trains on a bundled dataset (fashion-mnist, mnist), got {"csv":"a.csv","label":"y"}; for your own data give your model too (a model.json, or a module)\n',
      ],
      [
        { model: "saved/model.json", data: "mnist" },
        'lrkit: data: a saved model trains on a CSV file ({ "csv": "...", "label": "..." }), got "mnist"\n',
      ],
      [
        { model: "resnet" },
        'lrkit: model: a bundled model (lenet, mlp) or the path of a saved model\'s model.json, got "resnet"\n',
      ],
      [
        { module: "exp.mjs", model: "lenet" },
        "lrkit: model: the module builds the model and the data; give either module or model, not both\n",
      ],
      [
        { model: "saved/model.json", data: { csv: "a.csv", label: "y" }, trainSize: 10 },
        "lrkit: trainSize: only for the bundled datasets\n",
      ],
    ];
    for (const [config, message] of cases) {
      const file = join(dir, "mix.json");
      writeFileSync(file, JSON.stringify({ ...MINIMAL, ...config }));
      expect(await runCli(["compare", "--config", file])).toMatchObject({ code: 2, err: message });
    }
  });

  it("exits 2 when the sizes exceed the dataset", async () => {
    const file = join(dir, "big.json");
    writeFileSync(file, JSON.stringify({ ...MINIMAL, model: "mlp", testSize: 20000 }));
    expect(readCompareConfig(file).source.testSize).toBe(20000);
    const { code, err } = await runCli(["compare", "--config", file]);
    expect(code).toBe(2);
    expect(err).toBe("lrkit: testSize: fashion-mnist has 10000 test images, got 20000\n");
  });
});
