/**
 * What `lrkit compare --resume <dir>` needs to continue an interrupted compare: its config (every
 * schedule as its spec), notes, range test and command line, kept in the output directory while the
 * compare runs (its runs' checkpoints are in `<dir>/checkpoints`).
 *
 * @module
 */
import { readFileSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fromSpec, type ScheduleSpec } from "lrkit";
import "lrkit/presets"; // the anchors' presets, by name in schedules
import { writeFileAtomic, type FindReport, type ScheduleEntry } from "@lrkit/compare";
import { CliError } from "../io.js";
import type { CompareConfig } from "./config.js";

const FORMAT = "lrkit-compare-resume/1";

/** A compare as it was started: what `--resume` starts again. */
export interface ResumableCompare {
  readonly config: CompareConfig;
  readonly notes: readonly string[];
  readonly finder: FindReport | null;
  readonly command?: string;
}

/** The files of a resumable compare in `dir`: the resume file and the checkpoints' directory. */
export function resumePaths(dir: string): { file: string; checkpoints: string } {
  return { file: join(dir, "compare-resume.json"), checkpoints: join(dir, "checkpoints") };
}

/** Writes `dir`'s resume file (atomically). */
export function writeResumeFile(dir: string, compare: ResumableCompare): void {
  const { schedules, ...config } = compare.config;
  const file = {
    format: FORMAT,
    ...compare,
    config: {
      ...config,
      schedules: schedules.map(({ schedule, ...entry }) => ({ ...entry, spec: schedule.spec })),
    },
  };
  writeFileAtomic(resumePaths(dir).file, JSON.stringify(file, null, 1));
}

/** Removes `dir`'s resume file and checkpoints (the compare completed: nothing to resume). */
export function removeResumeFiles(dir: string): void {
  const paths = resumePaths(dir);
  rmSync(paths.checkpoints, { recursive: true, force: true });
  rmSync(paths.file, { force: true });
}

/**
 * Reads `dir`'s resume file back, every schedule rebuilt from its spec.
 *
 * @throws {@link CliError} naming `--resume` and the directory when there is no compare to resume
 *   there (never started, or completed) or the file is not a resume file.
 */
export function readResumeFile(dir: string): ResumableCompare {
  const path = resumePaths(dir).file;
  let text: string;
  try {
    text = readFileSync(path, "utf8");
  } catch (e) {
    throw new CliError(
      `--resume ${dir}: no interrupted compare there (${path}, written when a compare starts and removed when it completes: ${(e as NodeJS.ErrnoException).code ?? (e as Error).message})`,
    );
  }
  type Stored = Omit<ResumableCompare, "config"> & {
    format?: unknown;
    config: Omit<CompareConfig, "schedules"> & {
      schedules: (Omit<ScheduleEntry, "schedule"> & { spec: ScheduleSpec })[];
    };
  };
  let file: Stored;
  try {
    file = JSON.parse(text) as Stored;
  } catch (e) {
    throw new CliError(`--resume ${dir}: ${path} is not JSON: ${(e as Error).message}`);
  }
  if (file?.format !== FORMAT)
    throw new CliError(
      `--resume ${dir}: ${path} is not a resume file (format ${JSON.stringify(file?.format)}, not ${FORMAT})`,
    );
  const { format: _format, ...compare } = file;
  return {
    ...compare,
    config: {
      ...compare.config,
      schedules: compare.config.schedules.map(({ spec, ...entry }) => ({
        ...entry,
        schedule: fromSpec(spec),
      })),
    },
  };
}
