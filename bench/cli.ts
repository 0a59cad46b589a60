/**
 * `lrkit sample`'s output against the number of rows: the table and the JSON of a cosine at
 * 10,000, 100,000 and 1,000,000 steps, written in-process by the built command to a stream that
 * discards it (Node's start is not counted), and cli-table3 (how the table was drawn before) at
 * 10,000 and 20,000 rows. Linear output costs about ten times as much for ten times the rows.
 *
 *   tsx bench/cli.ts      one JSON object on stdout
 *
 * @module
 */
import { Writable } from "node:stream";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import Table from "cli-table3";
import { Command } from "commander";
import { median, REPO, sink } from "./lib.js";

// The command alone (the program would load every command, and TensorFlow.js with them).
const { sampleCommand } = (await import(
  pathToFileURL(join(REPO, "packages", "cli", "dist", "commands", "sample.js")).href
)) as typeof import("../packages/cli/src/commands/sample.js");

/** A stream that takes everything and keeps nothing but the count of characters. */
const discard = new Writable({
  decodeStrings: false,
  write(chunk: string, _encoding, done) {
    sink.value += chunk.length;
    done();
  },
});

/** Milliseconds of one `lrkit sample <cosine> --steps rows [--json]`. */
async function sample(rows: number, json: boolean): Promise<number> {
  const program = new Command().exitOverride();
  sampleCommand(program, { out: () => {}, err: (t) => process.stderr.write(t), stream: discard });
  const args = ["sample", `cosine(lr=0.3, steps=${rows}, minLr=0.001)`, "--steps", String(rows)];
  const start = performance.now();
  await program.parseAsync(json ? [...args, "--json"] : args, { from: "user" });
  return performance.now() - start;
}

/** Milliseconds of cli-table3 drawing the same table. */
function cliTable3(rows: number): number {
  const start = performance.now();
  const table = new Table({ head: ["step", "lr"], style: { head: [], border: [], compact: true } });
  for (let t = 0; t < rows; t++)
    table.push([t, String(0.001 + 0.1495 * (1 + Math.cos((Math.PI * t) / rows)))]);
  sink.value += table.toString().length;
  return performance.now() - start;
}

const SIZES = [10_000, 100_000, 1_000_000];
const CASES = ["table", "json"].flatMap((output) => SIZES.map((rows) => ({ output, rows })));
const ROUNDS = 5;

// Warm up (the JIT), then each case once per round, in turn, so that the machine's drift hits
// each alike; each figure is the median over the rounds.
for (const { output } of CASES) await sample(100_000, output === "json");
const times: number[][] = CASES.map(() => []);
for (let round = 0; round < ROUNDS; round++)
  for (const [i, { output, rows }] of CASES.entries()) times[i]!.push(await sample(rows, output === "json"));
const results = CASES.map(({ output, rows }, i) => {
  const ms = median(times[i]!);
  return { output, rows, ms, nsPerRow: (ms * 1e6) / rows, roundsMs: times[i] };
});
for (const rows of [10_000, 20_000]) {
  const ms = cliTable3(rows);
  results.push({ output: "cli-table3 (before)", rows, ms, nsPerRow: (ms * 1e6) / rows, roundsMs: [ms] });
}

/**
 * Each size's time over the previous size's: 10 when the cost is linear (ten times the rows); for
 * cli-table3, twice the rows, 2 when linear and 4 when quadratic.
 */
const ratios = Object.fromEntries(
  ["table", "json", "cli-table3 (before)"].map((output) => {
    const rows = results.filter((r) => r.output === output);
    return [output, rows.slice(1).map((r, i) => r.ms / rows[i]!.ms)];
  }),
);
console.log(JSON.stringify({ results, ratios }));
