/**
 * The report's style sheet: inline, system fonts only, nothing fetched.
 *
 * @module
 */

/** The CSS of report.html. */
export const REPORT_CSS = `
:root { color-scheme: light; --text: #1f2937; --muted: #6b7280; --line: #e5e7eb; --accent: #0072B2; }
* { box-sizing: border-box; }
body { margin: 0; font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, Helvetica, Arial, sans-serif;
  color: var(--text); background: #f9fafb; }
main { max-width: 1180px; margin: 0 auto; padding: 24px 28px 48px; background: #fff; }
h1 { font-size: 26px; margin: 0 0 4px; }
h2 { font-size: 19px; margin: 32px 0 10px; padding-bottom: 4px; border-bottom: 1px solid var(--line); }
h3 { font-size: 16px; margin: 0 0 6px; }
.subtitle { color: var(--muted); margin: 0 0 16px; }
dl.setup { display: grid; grid-template-columns: max-content 1fr; gap: 2px 16px; margin: 0; }
dl.setup dt { color: var(--muted); }
dl.setup dd { margin: 0; }
.notes { background: #fffbeb; border: 1px solid #fde68a; border-radius: 6px; padding: 8px 14px 8px 30px; }
.notes li { margin: 4px 0; }
figure { margin: 0; }
svg { max-width: 100%; height: auto; }
.grid { display: grid; grid-template-columns: repeat(auto-fill, minmax(440px, 1fr)); gap: 20px; }
table.final { border-collapse: collapse; width: 100%; font-size: 14px; }
table.final th, table.final td { padding: 6px 8px; border-bottom: 1px solid var(--line); text-align: left;
  vertical-align: top; }
table.final thead th { border-bottom: 2px solid #d1d5db; white-space: nowrap; }
table.final .num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
table.final td.best { background: #ecfdf5; color: #065f46; }
table.final td.published { color: var(--muted); }
code { font: 12.5px/1.4 ui-monospace, SFMono-Regular, Menlo, Consolas, monospace; background: #f3f4f6;
  padding: 1px 4px; border-radius: 4px; word-break: break-word; }
.status, .unit { color: var(--muted); font-weight: normal; font-size: 13px; }
.run { border: 1px solid var(--line); border-radius: 8px; padding: 12px; }
.run p { margin: 6px 0; font-size: 14px; }
.run .note { color: #374151; }
ul.lint { list-style: none; padding: 0; margin: 6px 0; font-size: 13.5px; }
ul.lint li { margin: 4px 0; padding: 4px 8px; border-left: 3px solid var(--line); }
ul.lint .fix { color: var(--muted); }
.badge { display: inline-block; font-size: 11px; text-transform: uppercase; letter-spacing: .04em;
  padding: 0 5px; border-radius: 3px; background: #e5e7eb; }
.sev-error { border-left-color: #dc2626 !important; } .sev-error .badge { background: #fee2e2; color: #991b1b; }
.sev-warning { border-left-color: #d97706 !important; } .sev-warning .badge { background: #fef3c7; color: #92400e; }
.sev-info { border-left-color: #2563eb !important; } .sev-info .badge { background: #dbeafe; color: #1e40af; }
a.sev-error { color: #b91c1c; } a.sev-warning { color: #b45309; } a.sev-info { color: #1d4ed8; }
.run .warn { color: #991b1b; background: #fef2f2; padding: 4px 8px; border-radius: 4px; }
.lint-ok { color: #047857; font-size: 13.5px; }
.small { font-size: 13px; color: var(--muted); }
pre.error { white-space: pre-wrap; font-size: 12px; background: #fef2f2; padding: 8px; border-radius: 6px; }
footer { margin-top: 36px; font-size: 13px; color: var(--muted); }
`;
