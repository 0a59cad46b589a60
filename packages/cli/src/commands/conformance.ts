/**
 * `lrkit conformance torch [--torch-version 2|1.13] <cases.json>`: runs a case file of the PyTorch
 * golden schema through `lrkit/torch` (PyTorch 2.x semantics by default, or 1.13.1's) and prints
 * the trace file of the same schema, its `torch_version` saying which.
 *
 * @module
 */
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { Option, type Command } from "commander";
import { runConformance, TORCH_VERSIONS, type TorchVersion } from "lrkit/torch";
import { CliError, type Io } from "../io.js";

/** Adds the `conformance` command to `program`. */
export function conformanceCommand(program: Command, io: Io): void {
  program
    .command("conformance")
    .description("run a case file of the golden schema through lrkit/torch and print the traces (JSON)")
    .argument("<framework>", 'the framework reproduced: "torch"')
    .argument("<cases>", "the cases file (JSON, the schema of shared/golden/torch)")
    .addOption(
      new Option("--torch-version <version>", "the PyTorch behaviour to reproduce (2: as of 2.13)")
        .choices([...TORCH_VERSIONS])
        .default("2"),
    )
    .action((framework: string, path: string, options: { torchVersion: TorchVersion }) => {
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
        traces = runConformance(text, { casesFile: basename(path), torchVersion: options.torchVersion });
      } catch (e) {
        if (e instanceof SyntaxError)
          throw new CliError(`conformance: ${path} is not valid JSON: ${e.message}`);
        // Not a case file: not an array, or a case that asks for more steps than a trace can hold.
        if (e instanceof TypeError || e instanceof RangeError)
          throw new CliError(`conformance: ${path}: ${e.message}`);
        throw e;
      }
      io.out(`${JSON.stringify(traces, null, 1)}\n`);
    });
}
