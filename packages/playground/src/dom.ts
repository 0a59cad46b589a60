/**
 * A few lines of DOM building: elements with attributes, event handlers and children.
 *
 * @module
 */

/** Attributes of {@link h}: strings and numbers are set, `true` sets an empty attribute, `false` and undefined skip it; `on*` functions are listeners. */
export type Props = Record<string, string | number | boolean | undefined | ((e: Event) => void)>;

/** A child of {@link h}: a node, a text, or nothing. */
export type Child = Node | string | null | undefined | false;

/**
 * Creates an element.
 *
 * @example
 * ```ts
 * h("button", { type: "button", onclick: () => save() }, "Save");
 * ```
 */
export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  props: Props = {},
  ...children: (Child | Child[])[]
): HTMLElementTagNameMap[K] {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(props)) {
    if (typeof v === "function") el.addEventListener(k.slice(2), v);
    else if (v === true) el.setAttribute(k, "");
    else if (v !== undefined && v !== false) el.setAttribute(k, String(v));
  }
  for (const c of children.flat()) if (c !== null && c !== undefined && c !== false) el.append(c);
  return el;
}

/** The element with `id`, which the page must have. */
export function byId<T extends HTMLElement = HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`playground: the page has no #${id}`);
  return el as T;
}

let counter = 0;
/** A fresh element id with a readable prefix. */
export function uid(prefix: string): string {
  return `${prefix}-${++counter}`;
}
