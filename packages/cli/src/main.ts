/**
 * The `lrkit` program, run by the executable `bin/lrkit.js`.
 *
 * @module
 */
import { run } from "./program.js";

// Output piped into a program that stops reading (`lrkit types | head`) is not an error.
process.stdout.on("error", (e: NodeJS.ErrnoException) => {
  if (e.code === "EPIPE") process.exit(0);
  throw e;
});

process.exitCode = await run(process.argv.slice(2));
