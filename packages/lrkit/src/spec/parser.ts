/**
 * jsep's expression parser, extended for the text forms: positions on every node, named
 * arguments (`lr=0.3` is an AssignmentExpression, as in JavaScript), JavaScript's numbers,
 * strings, objects, comments, spreads, arrow functions, update operators and trailing commas,
 * and JavaScript's errors (`-a ** b` is a SyntaxError: JavaScript gives a prefix operator no
 * precedence against `**`). jsep keeps what it does well: operator precedence (`**` binds
 * tighter than `*` and is right-associative), member and call chains, the conditional operator.
 *
 * The extensions override the methods of one parser class, not jsep's global configuration
 * (operators, literals, plugins), which other users of jsep in the same bundle share.
 *
 * @module
 */
import jsep from "jsep";
import { SpecSyntaxError } from "./syntaxError.js";
import type { Expression, Identifier, Literal, Property, SpreadElement } from "./syntaxTree.js";
import { IDENTIFIER, LINE_BREAK, match, readNumber, readString, skipSpaces, unexpectedAt } from "./tokens.js";

/** The instance methods of jsep's parser class (jsep's typings name them `HookScope`). */
interface JsepParser {
  index: number;
  readonly expr: string;
  readonly char: string;
  gobbleSpaces(): void;
  gobbleExpression(): Expression | false;
  gobbleBinaryOp(): string | false;
  gobbleToken(): Expression | false;
  gobbleTokenProperty(node: Expression): Expression;
  gobbleIdentifier(): Identifier;
  gobbleGroup(): Expression | false;
  gobbleArguments(end: number): (Expression | SpreadElement | null)[];
}

const Jsep = (jsep as unknown as { Jsep: new (source: string) => JsepParser }).Jsep;

const PREFIX = /[-+!~]|(?:typeof|void|delete)(?![\p{ID_Continue}$\u200C\u200D])/uy;
const UPDATE = /\+\+|--/y;
const ASSIGN = /(?:\*\*|>>>|<<|>>|&&|\|\||\?\?|[-+*/%&|^])=|=(?![=>])/y;
const TARGETS: readonly string[] = ["Identifier", "MemberExpression"];
const TARGETS_AND_PATTERNS: readonly string[] = [...TARGETS, "ArrayExpression", "ObjectExpression"];
const LITERALS: Record<string, boolean | null> = { true: true, false: false, null: null };
/** JavaScript's keywords that lrkit's parser does not read (as a name they are an unexpected token). */
const RESERVED = new Set([
  ...["break", "case", "catch", "class", "const", "continue", "debugger", "default", "do", "else", "enum"],
  ...["export", "extends", "finally", "for", "function", "if", "import", "in", "instanceof", "new"],
  ...["return", "super", "switch", "throw", "try", "var", "while", "with"],
]);

/** jsep's parser with positions and the JavaScript that the text forms need (see the module). */
export class Parser extends Jsep {
  /** The offset of the outermost opening parenthesis around each parenthesised expression. */
  readonly parens = new Map<Expression, number>();
  /** The last run of spaces and comments skipped, [from, to). */
  private gap: [number, number] = [0, 0];

  /** Where the expression read so far ends (before the spaces and comments after it). */
  get end(): number {
    return this.gap[1] === this.index ? this.gap[0] : this.index;
  }

  /** Where `node` starts, its parentheses included. */
  startOf(node: Expression): number {
    return this.parens.get(node) ?? this.ownStart(node);
  }

  /** Where `node` starts; jsep's binary and conditional nodes start with their first operand. */
  ownStart(node: Expression): number {
    const n = node as { start?: number; left?: Expression; test?: Expression };
    return n.start ?? this.startOf((n.left ?? n.test)!);
  }

  unexpected(at = this.index): never {
    throw unexpectedAt(this.expr, at);
  }

  required<T>(node: T | false): T {
    return node === false ? this.unexpected() : node;
  }

  expect(ch: string): void {
    this.gobbleSpaces();
    if (this.char !== ch) this.unexpected();
    this.index++;
  }

  /** Checks that `node` can be assigned to, as JavaScript does (`pattern`: `[a] = b` destructures). */
  assignable(node: Expression, pattern = false): void {
    const types = pattern ? TARGETS_AND_PATTERNS : TARGETS;
    if (!types.includes(node.type))
      throw new SpecSyntaxError("Assigning to rvalue", this.expr, this.ownStart(node));
  }

  /** Spaces, line breaks and comments, as in JavaScript. */
  override gobbleSpaces(): void {
    const from = this.index;
    this.index = skipSpaces(this.expr, from);
    if (this.index > from) this.gap = [from, this.index];
  }

  override gobbleIdentifier(): Identifier {
    const start = this.index;
    const name = match(IDENTIFIER, this.expr, start) ?? this.unexpected();
    this.index += name.length;
    return { type: "Identifier", name, start };
  }

  literal({ type, value, raw, start, end }: Literal & { end: number }): Literal {
    this.index = end;
    return { type, value, raw, start };
  }

  /** An operand: a literal, name, list, object, group, prefix operation, with its calls and members. */
  override gobbleToken(): Expression | false {
    this.gobbleSpaces();
    const source = this.expr;
    const start = this.index;
    const ch = this.char;
    let node: Expression;
    const update = match(UPDATE, source, start);
    const prefix = update ?? match(PREFIX, source, start);
    const name = match(IDENTIFIER, source, start);
    if (/\d/.test(ch) || (ch === "." && /\d/.test(source.charAt(start + 1)))) {
      node = this.literal(readNumber(source, start));
    } else if (ch === '"' || ch === "'") {
      node = this.literal(readString(source, start));
    } else if (ch === "[") {
      this.index++;
      node = { type: "ArrayExpression", elements: this.gobbleArguments("]".charCodeAt(0)), start };
    } else if (ch === "{") {
      node = this.gobbleObject();
    } else if (ch === "(") {
      node = this.gobbleGroup() || this.unexpected();
    } else if (prefix !== undefined) {
      if (/[-+]=|!=/y.test(source.slice(start, start + 2))) this.unexpected(); // `-=` is one token
      this.index += prefix.length;
      const argument = this.required(this.gobbleToken());
      if (update !== undefined) {
        this.assignable(argument);
        return { type: "UpdateExpression", operator: prefix, prefix: true, argument, start };
      }
      // JavaScript has no precedence between a prefix operator and `**`: -a ** b is an error.
      if (/\*\*(?!=)/y.test(source.slice(this.index, this.index + 3))) this.unexpected();
      return { type: "UnaryExpression", operator: prefix, argument, start };
    } else if (name !== undefined) {
      if (RESERVED.has(name)) this.unexpected();
      this.index += name.length;
      node = Object.hasOwn(LITERALS, name)
        ? { type: "Literal", value: LITERALS[name] ?? null, raw: name, start }
        : name === "this"
          ? { type: "ThisExpression", start }
          : { type: "Identifier", name, start };
    } else {
      return false;
    }
    const base = node;
    node = this.gobbleTokenProperty(node);
    let optional = false;
    for (let n = node as { start?: number; object?: Expression; callee?: Expression }; n !== base;) {
      n.start = start;
      optional ||= (n as { optional?: boolean }).optional === true;
      n = (n.object ?? n.callee)!;
    }
    if (optional) node = { type: "ChainExpression", expression: node, start };
    for (;;) {
      const postfix = match(UPDATE, source, this.index);
      const newLine = this.gap[1] === this.index && LINE_BREAK.test(source.slice(...this.gap));
      if (postfix === undefined || newLine) break;
      this.assignable(node);
      this.index += postfix.length;
      node = { type: "UpdateExpression", operator: postfix, prefix: false, argument: node, start };
      this.gobbleSpaces();
    }
    return node;
  }

  /** jsep's members and calls, except that `a.5` and `a...` are `a` then `.5` or `...`, as in JavaScript. */
  override gobbleTokenProperty(node: Expression): Expression {
    this.gobbleSpaces();
    if (this.char === "." && /\d|\.\./y.test(this.expr.slice(this.index + 1, this.index + 3))) return node;
    return super.gobbleTokenProperty(node);
  }

  /** jsep's binary operators (`**` above `*`, right-associative), but not `++`, `--` or `+=`. */
  override gobbleBinaryOp(): string | false {
    this.gobbleSpaces();
    const at = this.index;
    if (match(UPDATE, this.expr, at) !== undefined || match(ASSIGN, this.expr, at) !== undefined)
      return false;
    return super.gobbleBinaryOp();
  }

  /** An expression, or an assignment (`lr=0.3`) or an arrow function (`t => 1`) as in JavaScript. */
  override gobbleExpression(): Expression | false {
    const node = super.gobbleExpression();
    if (node === false || node === undefined) return false;
    if (this.expr.startsWith("=>", this.index) && (node.type === "Identifier" || this.parens.has(node)))
      return this.arrow(node, this.startOf(node));
    const op = match(ASSIGN, this.expr, this.index);
    if (op === undefined) return node;
    this.assignable(node, op === "=");
    this.index += op.length;
    const right = this.required(this.gobbleExpression());
    return { type: "AssignmentExpression", operator: op, left: node, right, start: this.startOf(node) };
  }

  arrow(params: Expression | null, start: number): Expression {
    const names = params?.type === "SequenceExpression" ? (params.expressions as Expression[]) : [params];
    const wrong = names.find((p) => p !== null && p.type !== "Identifier");
    if (wrong) throw new SpecSyntaxError("Assigning to rvalue", this.expr, this.startOf(wrong));
    this.index += 2;
    const body = this.required(this.gobbleExpression());
    return { type: "ArrowFunctionExpression", params, body, start };
  }

  /** Expressions separated by commas: a SequenceExpression when there are several. */
  gobbleSequence(): Expression {
    const first = this.required(this.gobbleExpression());
    if (this.char !== ",") return first;
    const expressions = [first];
    while (this.char === ",") {
      this.index++;
      expressions.push(this.required(this.gobbleExpression()));
    }
    return { type: "SequenceExpression", expressions, start: this.startOf(first) };
  }

  /** `(expression)`, or the parameters of an arrow function (`() =>`). */
  override gobbleGroup(): Expression {
    const start = this.index;
    this.index++;
    this.gobbleSpaces();
    if (this.char === ")") {
      const close = this.index++;
      this.gobbleSpaces();
      if (!this.expr.startsWith("=>", this.index)) this.unexpected(close);
      return this.arrow(null, start);
    }
    const node = this.gobbleSequence();
    this.expect(")");
    this.parens.set(node, start);
    return node;
  }

  /** The arguments of a call or the elements of a list, with spreads, holes and a trailing comma. */
  override gobbleArguments(end: number): (Expression | SpreadElement | null)[] {
    const close = String.fromCharCode(end);
    const args: (Expression | SpreadElement | null)[] = [];
    for (;;) {
      this.gobbleSpaces();
      if (this.char === close) {
        this.index++;
        return args;
      }
      if (close === "]" && this.char === ",") {
        this.index++;
        args.push(null);
        continue;
      }
      args.push(this.gobbleSpreadOr(() => this.required(this.gobbleExpression())));
      this.gobbleSpaces();
      if (this.char === ",") this.index++;
      else if (this.char !== close) this.unexpected();
    }
  }

  gobbleSpreadOr<T>(read: () => T): T | SpreadElement {
    const start = this.index;
    if (!this.expr.startsWith("...", start)) return read();
    this.index += 3;
    return { type: "SpreadElement", argument: this.required(this.gobbleExpression()), start };
  }

  /** An object literal: `{100: 0.1, "a b": 2, c, [d]: 3, ...e}`. */
  gobbleObject(): Expression {
    const start = this.index;
    const properties: (Property | SpreadElement)[] = [];
    this.index++;
    for (;;) {
      this.gobbleSpaces();
      if (this.char === "}") {
        this.index++;
        return { type: "ObjectExpression", properties, start };
      }
      properties.push(this.gobbleSpreadOr(() => this.gobbleProperty()));
      this.gobbleSpaces();
      if (this.char === ",") this.index++;
      else if (this.char !== "}") this.unexpected();
    }
  }

  gobbleProperty(): Property {
    const start = this.index;
    const ch = this.char;
    let key: Expression;
    const computed = ch === "[";
    if (computed) {
      this.index++;
      key = this.required(this.gobbleExpression());
      this.expect("]");
    } else if (ch === '"' || ch === "'") {
      key = this.literal(readString(this.expr, start));
    } else if (/\d/.test(ch) || (ch === "." && /\d/.test(this.expr.charAt(start + 1)))) {
      key = this.literal(readNumber(this.expr, start));
    } else {
      key = this.gobbleIdentifier();
    }
    this.gobbleSpaces();
    if (this.char === ":") {
      this.index++;
      return { type: "Property", key, value: this.required(this.gobbleExpression()), computed, start };
    }
    if (key.type !== "Identifier" || computed || (this.char !== "," && this.char !== "}"))
      return this.unexpected();
    return { type: "Property", key, value: { ...key }, computed, start };
  }
}
