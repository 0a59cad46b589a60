/**
 * `lrkit conformance torch <cases.json>`: runs a case file of the PyTorch golden schema through
 * `lrkit/torch` and prints the trace file of the same schema.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import type { Command } from "commander";
import { runConformance } from "lrkit/torch";
import { CliError, type Io } from "../io.js";

/** Adds the `conformance` command to `program`. */
export function conformanceCommand(program: Command, io: Io): void {
  program
    .command("conformance")
    .description("run a case file of the golden schema through lrkit/torch and print the traces (JSON)")
    .argument("<framework>", 'the framework reproduced: "torch"')
    .argument("<cases>", "the cases file (JSON, the schema of shared/golden/torch)")
    .action((framework: string, path: string) => {
      if (framework !== "torch")
        throw new CliError(`conformance: unknown framework "${framework}" (expected "torch")`);
      let text: string;
      try {
        text = readFileSync(path, "utf8");
      } catch (e) {
        throw new CliError(`conformance: cannot read ${path}: ${(e as Error).message}`);
      }
      // The file's text, not parsed JSON: PyTorch tells 10.0 from 10, and so must the runner.
      let traces: unknown;
      try {
        traces = runConformance(text, { casesFile: basename(path) });
      } catch (e) {
        if (e instanceof SyntaxError)
          throw new CliError(`conformance: ${path} is not valid JSON: ${e.message}`);
        throw e;
      }
      io.out(`${JSON.stringify(traces, null, 1)}\n`);
    });
}
