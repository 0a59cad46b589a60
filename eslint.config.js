import js from "@eslint/js";
import jsdoc from "eslint-plugin-jsdoc";
import tseslint from "typescript-eslint";

export default tseslint.config(
  { ignores: ["**/dist/**", "**/node_modules/**", "**/.cache/**", "coverage/**"] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ["packages/*/src/**/*.ts"],
    ignores: ["**/*.test.ts"],
    plugins: { jsdoc },
    rules: {
      // Every public export carries TSDoc (DESIGN.md, Style).
      "jsdoc/require-jsdoc": [
        "error",
        {
          publicOnly: { esm: true },
          require: { FunctionDeclaration: true, ClassDeclaration: true, MethodDefinition: false },
          contexts: [
            "TSInterfaceDeclaration",
            "TSTypeAliasDeclaration",
            "ExportNamedDeclaration > VariableDeclaration",
          ],
        },
      ],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
      "no-restricted-syntax": [
        "error",
        {
          selector: "CallExpression[callee.name='eval']",
          message: "Never eval: formulas are parsed, not executed.",
        },
        {
          selector: "NewExpression[callee.name='Function']",
          message: "Never new Function: formulas are parsed, not executed.",
        },
      ],
    },
  },
);
