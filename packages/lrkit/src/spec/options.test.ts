import { readFileSync, writeFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { format, resolveConfig } from "prettier";
import { describe, expect, it } from "vitest";
import { optionsInterfaces } from "../test/optionsInterfaces.js";
import { combinators, coreFamilies } from "./registry.js";

const FILE = fileURLToPath(new URL("./options.generated.ts", import.meta.url));

describe("the options interfaces", () => {
  it("are the ones the registry's schemas give, help texts and defaults included (options.generated.ts is current)", async () => {
    const text = await format(optionsInterfaces([...coreFamilies, ...combinators]), {
      ...(await resolveConfig(FILE)),
      filepath: FILE,
    });
    if (process.env.LRKIT_WRITE_GENERATED === "1") writeFileSync(FILE, text);
    expect(readFileSync(FILE, "utf8"), "run LRKIT_WRITE_GENERATED=1 on this test to rewrite it").toBe(text);
  });
});
