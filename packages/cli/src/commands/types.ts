/**
 * `lrkit types`: every schedule type the specs know, with its parameters.
 *
 * @module
 */
import type { Command } from "commander";
import { registry, type Family } from "lrkit";
import type { Io } from "../io.js";

function describeParams(family: Family): string {
  return Object.entries(family.params.shape)
    .map(([name, schema]) => {
      const def = (schema as { def: { type: string; defaultValue?: unknown } }).def;
      const optional = def.type === "default" || def.type === "optional";
      return optional
        ? `[${name}${def.type === "default" ? `=${JSON.stringify(def.defaultValue)}` : ""}]`
        : name;
    })
    .join(" ");
}

/** Adds the `types` command to `program`. */
export function typesCommand(program: Command, io: Io): void {
  program
    .command("types")
    .description("list every schedule type (families, combinators, presets) and its parameters")
    .argument("[prefix]", "only types starting with this, e.g. keras.")
    .action((prefix: string | undefined) => {
      for (const family of registry.values()) {
        if (prefix && !family.type.startsWith(prefix)) continue;
        io.out(`${family.type}(${describeParams(family)})\n    ${family.summary}\n`);
      }
    });
}
