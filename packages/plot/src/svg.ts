/**
 * A few helpers to write SVG as text: no DOM, so the same code runs in Node and in the browser, and
 * the output is byte-for-byte deterministic.
 *
 * @module
 */

/** Escapes text for XML content and attribute values. */
export function escapeXml(text: string): string {
  return text.replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&apos;" })[c]!,
  );
}

/** A coordinate rounded to 2 decimals, without trailing zeros. */
function r2(v: number): string {
  const s = (Math.round(v * 100) / 100).toFixed(2).replace(/\.?0+$/, "");
  return s === "-0" ? "0" : s;
}

/** Attribute values: numbers are rounded, undefined ones are left out. */
export type Attrs = Record<string, string | number | undefined>;

function attrs(a: Attrs): string {
  return Object.entries(a)
    .filter(([, v]) => v !== undefined)
    .map(([k, v]) => ` ${k}="${typeof v === "number" ? r2(v) : escapeXml(v!)}"`)
    .join("");
}

/** An element: `<tag a="1">children</tag>`, or self-closing without children. */
export function el(tag: string, a: Attrs = {}, children?: string | readonly string[]): string {
  const inner =
    children === undefined ? undefined : typeof children === "string" ? children : children.join("");
  return inner === undefined || inner === ""
    ? `<${tag}${attrs(a)}/>`
    : `<${tag}${attrs(a)}>${inner}</${tag}>`;
}

/** A text element with escaped content. */
export function text(content: string, a: Attrs = {}): string {
  return el("text", a, escapeXml(content));
}

/**
 * A short deterministic id for the chart's `<title>`, `<desc>` and clip path (FNV-1a of its
 * content), so that several charts inlined in one page do not collide.
 */
export function hashId(content: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < content.length; i++) {
    h ^= content.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return `lrkit-${(h >>> 0).toString(36)}`;
}
