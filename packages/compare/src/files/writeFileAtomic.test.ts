import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { checkWritable, writeFileAtomic } from "./writeFileAtomic.js";

const dir = mkdtempSync(join(tmpdir(), "lrkit-atomic-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A fresh folder of the test's own. */
const folder = (name: string) => {
  const path = join(dir, name);
  mkdirSync(path);
  return path;
};

describe("writeFileAtomic", () => {
  it("writes the whole text, replacing the file, and leaves nothing else beside it", () => {
    const here = folder("writes");
    const file = join(here, "results.json");
    writeFileAtomic(file, "old");
    writeFileAtomic(file, "new ✓\n".repeat(10_000));
    expect(readFileSync(file, "utf8")).toBe("new ✓\n".repeat(10_000));
    expect(readdirSync(here)).toEqual(["results.json"]);
  });

  it("removes its temporary file when the write fails, leaving what was there", () => {
    const here = folder("fails");
    mkdirSync(join(here, "report.html"));
    writeFileSync(join(here, "report.html", "inside"), "kept");
    expect(() => writeFileAtomic(join(here, "report.html"), "x")).toThrow(
      /^(EISDIR|ENOTEMPTY|EEXIST|EPERM)\b/,
    );
    expect(readdirSync(here)).toEqual(["report.html"]);
    expect(readFileSync(join(here, "report.html", "inside"), "utf8")).toBe("kept");
    expect(() => writeFileAtomic(join(here, "missing", "results.json"), "x")).toThrow(/^ENOENT\b/);
    expect(readdirSync(here)).toEqual(["report.html"]);
  });
});

describe("checkWritable", () => {
  it("creates missing directories and changes nothing that is there", () => {
    const here = folder("checks");
    writeFileSync(join(here, "results.json"), "earlier results");
    checkWritable([join(here, "results.json"), join(here, "new", "deeper", "report.html")]);
    expect(readdirSync(here).sort()).toEqual(["new", "results.json"]);
    expect(readFileSync(join(here, "results.json"), "utf8")).toBe("earlier results");
    expect(statSync(join(here, "new", "deeper")).isDirectory()).toBe(true);
    expect(readdirSync(join(here, "new", "deeper"))).toEqual([]);
  });

  it("refuses a path under a file, and a directory where a file goes", () => {
    const here = folder("refuses");
    writeFileSync(join(here, "a-file"), "");
    expect(() => checkWritable([join(here, "a-file", "out", "results.json")])).toThrow(
      `ENOTDIR: not a directory, mkdir '${join(here, "a-file", "out")}'`,
    );
    mkdirSync(join(here, "report.html"));
    expect(() => checkWritable([join(here, "report.html")])).toThrow(
      new Error(`${join(here, "report.html")} is not a file`),
    );
  });

  it("refuses a directory where no file can be created, whoever runs it (sysfs: root too)", () => {
    expect(() => checkWritable(["/sys/results.json"])).toThrow(/^E(ACCES|PERM|ROFS|NOENT)\b.*'\/sys/);
  });
});
