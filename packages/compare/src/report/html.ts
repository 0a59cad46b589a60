/**
 * HTML as escaped text: a tagged template that escapes every interpolated value unless it is
 * already {@link SafeHtml}. No DOM and no templating library: the report is a handful of
 * templates, and escaping by default is the one rule that matters.
 *
 * @module
 */

/** A string of HTML that is already safe: interpolated as is. */
export class SafeHtml {
  /** @param value - the HTML. */
  constructor(readonly value: string) {}
  /** The HTML. */
  toString(): string {
    return this.value;
  }
}

/** Escapes text for HTML content and (quoted) attribute values. */
export function escapeHtml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]!,
  );
}

/** Marks trusted markup (SVG from @lrkit/plot, the style sheet) as safe. */
export const raw = (value: string): SafeHtml => new SafeHtml(value);

/** A value a template accepts: text (escaped), safe HTML, numbers, lists of these, or nothing. */
export type HtmlValue = string | number | SafeHtml | null | undefined | false | readonly HtmlValue[];

function render(value: HtmlValue): string {
  if (value === null || value === undefined || value === false) return "";
  if (value instanceof SafeHtml) return value.value;
  if (Array.isArray(value)) return value.map(render).join("");
  return escapeHtml(String(value));
}

/**
 * The template tag: `` html`<td>${name}</td>` `` escapes `name`.
 *
 * @example
 * ```ts
 * html`<p title="${title}">${text}</p>`.value; // both escaped
 * ```
 */
export function html(strings: TemplateStringsArray, ...values: readonly HtmlValue[]): SafeHtml {
  let out = strings[0]!;
  values.forEach((v, i) => (out += render(v) + strings[i + 1]!));
  return new SafeHtml(out);
}
