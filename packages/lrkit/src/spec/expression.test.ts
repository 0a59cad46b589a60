import fc from "fast-check";
import jsep from "jsep";
import { describe, expect, it } from "vitest";
import { expectThrow } from "../test/expect.js";
import { parseExpression } from "./expression.js";
import { compileFormula } from "./formula.js";
import { SpecSyntaxError } from "./syntaxError.js";
import type { Expression } from "./syntaxTree.js";

/** The tree without positions, for comparisons of shape. */
const shape = (node: unknown): unknown =>
  JSON.parse(JSON.stringify(node, (key, value: unknown) => (key === "start" ? undefined : value)));

const rejects = (source: string, message: string | RegExp) =>
  expectThrow(() => parseExpression(source), SpecSyntaxError, message);

describe("parseExpression", () => {
  it("gives ** JavaScript's precedence: above * and unary minus' operand, right-associative", () => {
    expect(shape(parseExpression("2 * t ** 3 ** 2"))).toEqual(shape(parseExpression("2 * (t ** (3 ** 2))")));
    expect(compileFormula("2 ** 3 ** 2")(0)).toBe(512);
    expect(compileFormula("2 ** -t")(1)).toBe(0.5);
    expect(compileFormula("(-t) ** 2")(3)).toBe(9);
    expect(compileFormula("-(t ** 2)")(3)).toBe(-9);
    rejects("-t ** 2", "Unexpected token (write -(a ** b) or (-a) ** b) at column 4\n-t ** 2\n   ^");
    rejects("2 ** -t ** 2", /^Unexpected token \(write .*\) at column 9/);
    rejects("-(t) ** 2", /^Unexpected token \(write .*\) at column 6/);
  });

  it("reads a named argument as an assignment of a name, with the positions of both sides", () => {
    const call = parseExpression("cosine(0.1, steps = 25)") as Expression & { arguments: Expression[] };
    expect(call.arguments[1]).toEqual({
      type: "AssignmentExpression",
      operator: "=",
      left: { type: "Identifier", name: "steps", start: 12 },
      right: { type: "Literal", value: 25, raw: "25", start: 20 },
      start: 12,
    });
    rejects("cosine(lr=", "Unexpected token at column 11\ncosine(lr=\n          ^");
    rejects("cosine(lr=, steps=1)", /^Unexpected token at column 11/);
    rejects("cosine(0.3=1)", /^Assigning to rvalue at column 8/);
  });

  it("starts a node at its first character, a parenthesised left operand's parenthesis included", () => {
    const at = (source: string) => parseExpression(source).start;
    expect(at("(t) % 2")).toBe(0);
    expect(at("(t % 2)")).toBe(1);
    expect(at("  a.b(1)")).toBe(2);
    expect(at("x ? 1 : 2")).toBe(0);
    rejects("cosine(lr=0.1)\n  junk", /^Unexpected text after the expression at line 2, column 3/);
  });

  it("reads JavaScript's numbers, strings and comments, which jsep alone does not", () => {
    const value = (source: string) => (parseExpression(source) as { value?: unknown }).value;
    expect([value("0x1F"), value("0o17"), value("0b101"), value("1_000"), value("017"), value(".5")]).toEqual(
      [31, 15, 5, 1000, 15, 0.5],
    );
    expect(value("1n")).toBe(1n);
    expect(value(String.raw`'\x41\u0042\u{1F600}\n\'\101'`)).toBe("AB\u{1F600}\n'A");
    expect(compileFormula("0.1 /* peak */ * t")(2)).toBe(0.2);
    rejects("1e", "Invalid number at column 1\n1e\n^");
    rejects("2t", /^Identifier directly after number at column 2/);
    rejects("'abc", /^Unterminated string constant at column 1/);
    rejects("t /* c", /^Unterminated comment at column 3/);
    rejects("t // c", /^Unexpected text after the expression at column 3/);
    rejects("t # 2", /^Unexpected character '#' at column 3/);
  });

  it("reads back every string that JSON.stringify writes", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary" }), (s) => {
        expect((parseExpression(JSON.stringify(s)) as { value?: unknown }).value).toBe(s);
      }),
    );
  });

  it("keeps JavaScript's other syntax as nodes that the languages reject, and rejects what JavaScript rejects", () => {
    const type = (source: string) => parseExpression(source).type;
    expect(type("--t")).toBe("UpdateExpression");
    expect(type("t => 1")).toBe("ArrowFunctionExpression");
    expect(type("t || 1")).toBe("LogicalExpression");
    expect(type("a?.b")).toBe("ChainExpression");
    expect(type("t, 1")).toBe("SequenceExpression");
    expect(type("{a: 1, 'b': [2, , 3], ...c}")).toBe("ObjectExpression");
    rejects("new Function('x')", /^Unexpected token at column 1/);
    rejects("(a b)", /^Unexpected token at column 4/);
    rejects("f(,)", /^Unexpected token at column 3/);
  });

  it("leaves jsep's global configuration as it was", () => {
    const before = JSON.stringify([jsep.binary_ops, jsep.unary_ops, jsep.literals]);
    parseExpression("cosine(lr=0.3, steps=25, xs=[1, 2], o={a: 1})");
    expect(JSON.stringify([jsep.binary_ops, jsep.unary_ops, jsep.literals])).toBe(before);
    expect(() => jsep("lr = 0.3")).toThrow();
  });
});
