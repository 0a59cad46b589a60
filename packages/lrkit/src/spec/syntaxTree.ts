/**
 * The syntax tree of the text forms (the spec text syntax and formulas): the ESTree node shapes
 * that {@link parseExpression} produces, each with the 0-based offset where it starts.
 *
 * Parentheses leave no node: `(a + b)` is the BinaryExpression itself.
 *
 * @module
 */

interface At {
  /**
   * 0-based offset of the node's first character; for a node whose first operand is in
   * parentheses (`(a) + b`), the opening parenthesis.
   */
  start: number;
}

/** A number, string, boolean, `null` or BigInt literal; `raw` is its text as written. */
export interface Literal extends At {
  type: "Literal";
  value: number | string | boolean | bigint | null;
  raw: string;
}

/** A name: the formula's variable, `pi`, a function, a schedule type, a bare word. */
export interface Identifier extends At {
  type: "Identifier";
  name: string;
}

/** A prefix operator: `-x`, `+x`, `!x`, `~x`, `typeof x`, `void x`, `delete x`. */
export interface UnaryExpression extends At {
  type: "UnaryExpression";
  operator: string;
  argument: Expression;
}

/** A binary operator other than `||`, `&&` and `??` (those are LogicalExpression, as in ESTree). */
export interface BinaryExpression extends At {
  type: "BinaryExpression";
  operator: string;
  left: Expression;
  right: Expression;
}

/** A call: `cos(t)`, `cosine(lr=0.3, steps=25)`, `d2l.CosineScheduler(...)`. */
export interface CallExpression extends At {
  type: "CallExpression";
  callee: Expression;
  arguments: (Expression | SpreadElement)[];
}

/** A property access: `a.b` or `a[b]` (`computed`). */
export interface MemberExpression extends At {
  type: "MemberExpression";
  object: Expression;
  property: Expression;
  computed: boolean;
}

/** A list `[1, 2]`; a hole (`[1, , 2]`) is `null`. */
export interface ArrayExpression extends At {
  type: "ArrayExpression";
  elements: (Expression | SpreadElement | null)[];
}

/** `key: value` in an object literal (`{a}` is `a: a`; `[k]: v` is `computed`). */
export interface Property extends At {
  type: "Property";
  key: Expression;
  value: Expression;
  computed: boolean;
}

/** An object literal `{100: 0.1, min_lr: 1e-6}`. */
export interface ObjectExpression extends At {
  type: "ObjectExpression";
  properties: (Property | SpreadElement)[];
}

/** `left = right` (a named argument in the text syntax), or a compound assignment such as `+=`. */
export interface AssignmentExpression extends At {
  type: "AssignmentExpression";
  operator: string;
  left: Expression;
  right: Expression;
}

/** `...x` in a call, a list or an object. */
export interface SpreadElement extends At {
  type: "SpreadElement";
  argument: Expression;
}

/** JavaScript that neither language accepts, kept as a node so that callers can name it. */
export interface OtherExpression extends At {
  type:
    | "ArrowFunctionExpression"
    | "ChainExpression"
    | "ConditionalExpression"
    | "LogicalExpression"
    | "SequenceExpression"
    | "ThisExpression"
    | "UpdateExpression";
  [child: string]: unknown;
}

/** Any expression node. */
export type Expression =
  | Literal
  | Identifier
  | UnaryExpression
  | BinaryExpression
  | CallExpression
  | MemberExpression
  | ArrayExpression
  | ObjectExpression
  | AssignmentExpression
  | OtherExpression;
