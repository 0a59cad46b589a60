/**
 * `lrkit types`: every schedule type the specs know, with its parameters.
 *
 * @module
 */
import type { Command } from "commander";
import { describeParams, registry, type Family } from "lrkit";
import "lrkit/presets"; // the anchors' presets, by name in schedules
import type { Io } from "../io.js";

/** `lr steps [minLr=0] ...`: required parameters bare, the others in brackets with their default. */
function signature(family: Family): string {
  return describeParams(family)
    .map((p) =>
      p.required ? p.name : `[${p.name}${p.default === undefined ? "" : `=${JSON.stringify(p.default)}`}]`,
    )
    .join(" ");
}

/** One line per parameter: its name, default and help text, all from the type's schema. */
function parameters(family: Family): string {
  return describeParams(family)
    .map(
      (p) =>
        `    ${p.name}${p.required ? "" : p.default === undefined ? " (optional)" : ` (default ${JSON.stringify(p.default)})`}: ${p.help}\n`,
    )
    .join("");
}

/** Adds the `types` command to `program`. */
export function typesCommand(program: Command, io: Io): void {
  program
    .command("types")
    .description("list every schedule type (families, combinators, presets) and its parameters")
    .argument(
      "[prefix]",
      "only types starting with this, e.g. keras.; a whole type name also lists its parameters",
    )
    .action((prefix: string | undefined) => {
      for (const family of registry.values()) {
        if (prefix && !family.type.startsWith(prefix)) continue;
        io.out(`${family.type}(${signature(family)})\n    ${family.summary}\n`);
        if (family.type === prefix) io.out(parameters(family));
      }
    });
}
