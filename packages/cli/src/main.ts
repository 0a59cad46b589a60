/**
 * The `lrkit` program, run by the executable `bin/lrkit.js`.
 *
 * @module
 */
import { run } from "./program.js";

// Output piped into a program that stops reading (`lrkit types | head`) is not an error; output
// that cannot be written (a full disk) ends the run with one line (and its stack with LRKIT_DEBUG=1).
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  process.stderr.write(
    `lrkit: cannot write the output: ${process.env.LRKIT_DEBUG ? (e.stack ?? e.message) : e.message}\n`,
  );
  process.exit(1);
});

process.exitCode = await run(process.argv.slice(2));
