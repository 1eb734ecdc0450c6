import js from "@eslint/js";
import tseslint from "typescript-eslint";
import globals from "globals";

/** Layering rules from ARCHITECTURE.md "Boundaries": each folder lists what it must not import. */
const layer = (files, patterns, message) => ({
  files,
  rules: {
    "no-restricted-imports": [
      "error",
      { patterns: patterns.map((group) => ({ group: [group], message })) },
    ],
  },
});

export default tseslint.config(
  {
    ignores: [
      "node_modules/",
      "dist/",
      "test-results/",
      "playwright-report/",
      "**/*.generated.ts",
      "bench/results/",
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.strictTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      "@typescript-eslint/no-explicit-any": "error",
      "@typescript-eslint/switch-exhaustiveness-check": "error",
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/consistent-type-imports": "error",
      "@typescript-eslint/restrict-template-expressions": ["error", { allowNumber: true }],
      "@typescript-eslint/no-unused-vars": [
        "error",
        { argsIgnorePattern: "^_", varsIgnorePattern: "^_", ignoreRestSiblings: true },
      ],
      // `onClick={() => props.onOpen(id)}` is the normal shape of a Solid event handler.
      "@typescript-eslint/no-confusing-void-expression": ["error", { ignoreArrowShorthand: true }],
    },
  },
  {
    files: ["**/*.js", "bin/**"],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: { ...globals.node } },
  },
  layer(
    ["src/base/**"],
    ["../*", "solid-js*", "chevrotain", "decimal.js", "idb", "comlink"],
    "src/base imports nothing.",
  ),
  layer(
    ["src/lang/**"],
    [
      "**/engine/**",
      "**/persist/**",
      "**/ui/**",
      "**/app/**",
      "solid-js*",
      "decimal.js",
      "idb",
      "comlink",
      "node:*",
    ],
    "src/lang may import only src/base and chevrotain.",
  ),
  layer(
    ["src/engine/**"],
    [
      "**/persist/**",
      "**/ui/**",
      "**/app/**",
      "solid-js*",
      "idb",
      "comlink",
      "node:*",
      "decimal.js",
    ],
    "src/engine may import only src/base, src/lang and decimal.js (in num/).",
  ),
  layer(
    ["src/engine/num/**"],
    ["**/persist/**", "**/ui/**", "**/app/**", "solid-js*", "idb", "comlink", "node:*"],
    "src/engine/num may import only src/base and decimal.js.",
  ),
  layer(
    ["src/protocol/**"],
    [
      "**/persist/**",
      "**/ui/**",
      "**/app/**",
      "solid-js*",
      "idb",
      "comlink",
      "decimal.js",
      "chevrotain",
    ],
    "src/protocol holds plain message types only.",
  ),
  layer(
    ["src/export/**"],
    [
      "**/persist/**",
      "**/ui/**",
      "**/app/**",
      "solid-js*",
      "idb",
      "comlink",
      "node:*",
      "decimal.js",
    ],
    "src/export may import only src/base, src/lang, src/engine and exceljs.",
  ),
  layer(
    ["src/persist/**"],
    ["**/ui/**", "**/app/**", "solid-js*", "comlink", "chevrotain"],
    "src/persist must not import the UI.",
  ),
  layer(
    ["src/ui/**"],
    [
      "**/engine/**",
      "**/persist/**",
      "**/app/**",
      "idb",
      "comlink",
      "decimal.js",
      "**/lang/resolve/**",
      "**/lang/check/**",
    ],
    "src/ui never evaluates: values come from the worker. It may use src/lang/syntax for highlighting.",
  ),
  layer(
    ["src/app/**"],
    ["**/engine/**", "**/persist/**", "idb", "decimal.js"],
    "src/app wires the UI to the worker client; engine internals stay in the worker.",
  ),
  layer(
    ["src/service/**"],
    ["**/ui/**", "**/app/**", "solid-js*", "comlink"],
    "src/service is the worker-side composition of engine and persistence; no UI.",
  ),
  layer(["workers/**"], ["**/ui/**", "**/app/**", "solid-js*"], "Workers never import the UI."),
);
