/**
 * A CSV text as a header and rows of cells, each row with the line it starts on.
 *
 * @module
 */
// csv-parse (the node-csv project; MIT; ships its own TypeScript types; no dependencies; releases
// through 2026; tens of millions of downloads a month) does RFC 4180 right: quoted fields holding
// commas, quotes and line breaks, CRLF, LF or CR line endings, a byte order mark. Quoting is where
// hand-written CSV splitting goes wrong, so it is not written by hand here. Its sync API suits
// data that is read whole into tensors anyway. "#csv-parse/sync" (package.json "imports") is its
// sync API; under the "browser" condition, csvParseBrowser.ts (its browser build: the Node build
// reads the global Buffer, which a page has not).
import { parse } from "#csv-parse/sync";

/** A parsed CSV text: the header's cells, and each data row's cells with its line number. */
export interface CsvTable {
  /** The header row's cells (column names), trimmed. */
  readonly header: string[];
  /** The data rows' cells, trimmed; each row has as many cells as the header. */
  readonly rows: string[][];
  /** The line (1-based, the header's first line being 1) where each data row starts. */
  readonly lines: number[];
}

const CR = 0x0d;
const LF = 0x0a;

/**
 * Parses a CSV text whose first row is a header. Empty lines are skipped; unquoted cells are
 * trimmed. Line numbers count line breaks as an editor does (CRLF, LF or CR each end a line,
 * including those inside quoted cells); csv-parse's own line count is not used for them, as it
 * counts a CRLF inside quotes twice.
 *
 * @param caller - the public function whose errors these are, e.g. `"readCsv"`.
 * @param source - the file name (or a name for the text) that errors give.
 * @param input - the CSV bytes (UTF-8, with or without a byte order mark).
 * @throws Error naming `source` for an empty text, a header without data rows, a row whose
 *   number of cells differs from the header's (with its line), or malformed quoting.
 */
export function csvTable(caller: string, source: string, input: Uint8Array): CsvTable {
  const ends: number[] = []; // the byte offset after each record (and its line break)
  let records: string[][];
  try {
    records = parse(input, {
      bom: true,
      trim: true,
      skip_empty_lines: true,
      relax_column_count: true, // counted below, to report the line as an editor shows it
      on_record: (record: string[], context) => {
        ends.push(context.bytes);
        return record;
      },
    });
  } catch (e) {
    throw new Error(`${caller}: ${source}: ${(e as Error).message}`, { cause: e });
  }
  if (records.length === 0)
    throw new Error(`${caller}: ${source} is empty; a header row and at least one data row are needed`);
  if (records.length === 1) throw new Error(`${caller}: ${source} has a header but no data rows`);

  // Line of each record's start: line breaks before it, skipping the empty lines csv-parse skipped.
  const starts: number[] = [];
  let line = 1;
  let pos = 0;
  const isBreak = (i: number) => input[i] === LF || (input[i] === CR && input[i + 1] !== LF);
  for (const end of ends) {
    for (; pos < input.length && (input[pos] === CR || input[pos] === LF); pos++) if (isBreak(pos)) line++;
    starts.push(line);
    for (; pos < end; pos++) if (isBreak(pos)) line++;
  }

  const [header, ...rows] = records as [string[], ...string[][]];
  rows.forEach((row, i) => {
    if (row.length !== header.length)
      throw new Error(
        `${caller}: ${source} line ${starts[i + 1]} has ${row.length} cells, but the header has ${header.length}`,
      );
  });
  return { header, rows, lines: starts.slice(1) };
}
