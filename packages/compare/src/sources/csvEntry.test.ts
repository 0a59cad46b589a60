import { fileURLToPath } from "node:url";
import { build } from "esbuild";
import { describe, expect, it } from "vitest";
import { bundleSize, TFJS_EXTERNAL } from "../../../tfjs/src/test/bundleSize.js";
import type * as Csv from "../csv.js";

// @lrkit/compare is a Node package; its ./csv entry is what a page imports of it (the playground's
// Train panel reads CSV files with it). Bundled for the browser as a page's bundler would.
describe("@lrkit/compare/csv in a browser bundle", () => {
  it("reaches no Node built-in and parses with csv-parse's browser build", async () => {
    const size = await bundleSize('export * from "@lrkit/compare/csv";', TFJS_EXTERNAL);
    expect(size.files.some((f) => f.includes("node_modules/csv-parse/dist/esm/sync.js"))).toBe(true);
    expect(size.files.filter((f) => f.includes("node_modules/csv-parse/lib/"))).toEqual([]);
    expect(size.files.filter((f) => f.startsWith("packages/")).sort()).toEqual([
      "packages/compare/src/sources/csvClasses.ts",
      "packages/compare/src/sources/csvNumber.ts",
      "packages/compare/src/sources/csvParseBrowser.ts",
      "packages/compare/src/sources/csvTable.ts",
    ]);
  });

  it("parses the plain bytes a page has (a Uint8Array), in that browser bundle", async () => {
    // The browser build takes only its own Buffers; csvTable is given what a page reads from a file.
    const bundle = await build({
      stdin: {
        contents: 'export * from "@lrkit/compare/csv";',
        resolveDir: fileURLToPath(new URL(".", import.meta.url)),
      },
      bundle: true,
      write: false,
      format: "esm",
      platform: "browser",
      conditions: ["@lrkit/source"],
      logLevel: "silent",
    });
    const url = `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0]!.contents).toString("base64")}`;
    const { csvTable } = (await import(/* @vite-ignore */ url)) as typeof Csv;
    const bytes = new TextEncoder().encode('x,"y, quoted",label\n1,2,a\n3,4,b\n');
    expect(csvTable("page", "data.csv", bytes)).toEqual({
      header: ["x", "y, quoted", "label"],
      rows: [
        ["1", "2", "a"],
        ["3", "4", "b"],
      ],
      lines: [2, 3],
    });
  });

  it("is needed: the main entry reaches node: modules (it reads files)", async () => {
    await expect(bundleSize('export * from "@lrkit/compare";', TFJS_EXTERNAL)).rejects.toThrow(/node:/);
  });
});
