/**
 * Test helpers: the packages as users get them, `npm pack`ed from the built workspace and
 * installed into a project of their own (the npm cache first, the registry for what it lacks).
 *
 * @module
 */
import { execFileSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

/** The repository's root. */
export const ROOT = fileURLToPath(new URL("../../../../", import.meta.url));

/** The published packages, by name: their workspace folders. */
export const PUBLISHED = {
  lrkit: "packages/lrkit",
  "@lrkit/plot": "packages/plot",
  "@lrkit/tfjs": "packages/tfjs",
  "@lrkit/compare": "packages/compare",
  "@lrkit/cli": "packages/cli",
} as const;

/** A published package's name. */
export type PackageName = keyof typeof PUBLISHED;

/** What `npm pack` made of a package: its tarball and the files in it. */
export interface Packed {
  readonly tarball: string;
  readonly files: readonly string[];
}

/** Packs every published package (as built: run `npm run build` first) into `dest`. */
export function packWorkspace(dest: string): Record<PackageName, Packed> {
  const out = {} as Record<PackageName, Packed>;
  for (const [name, dir] of Object.entries(PUBLISHED) as [PackageName, string][]) {
    const json = runIn(join(ROOT, dir), "npm", ["pack", "--json", "--pack-destination", dest]);
    const [info] = JSON.parse(json) as { filename: string; files: { path: string }[] }[];
    out[name] = { tarball: join(dest, info!.filename), files: info!.files.map((f) => f.path) };
  }
  return out;
}

/** Runs `command` in `dir` and returns its output; when it fails, the error holds what it printed. */
export function runIn(dir: string, command: string, args: readonly string[]): string {
  try {
    return execFileSync(command, args, { cwd: dir, stdio: "pipe", encoding: "utf8" });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`${command} ${args.join(" ")} failed in ${dir}:\n${stdout}${stderr}`, { cause: error });
  }
}

/** `npm install`s `specs` (tarballs, names) into the project at `dir`, preferring the npm cache. */
export function npmInstall(dir: string, specs: readonly string[]): void {
  runIn(dir, "npm", ["install", "--prefer-offline", "--no-audit", "--no-fund", ...specs]);
}

/** The folders of every installed copy of package `name` in the project at `dir` (`npm ls`). */
export function installedCopies(dir: string, name: string): string[] {
  return runIn(dir, "npm", ["ls", "--all", "--parseable", name])
    .trim()
    .split("\n")
    .filter((line) => line.endsWith(join("node_modules", name)));
}
