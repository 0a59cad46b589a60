import { describe, expect, it } from "vitest";
import { bundleSize, TFJS_EXTERNAL } from "../../../tfjs/src/test/bundleSize.js";

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
      "packages/compare/src/sources/csvTable.ts",
    ]);
  });

  it("is needed: the main entry reaches node: modules (it reads files)", async () => {
    await expect(bundleSize('export * from "@lrkit/compare";', TFJS_EXTERNAL)).rejects.toThrow(/node:/);
  });
});
