// ESLint for the browser sources under frontend/ and the Node build/test configs.
import js from "@eslint/js";
import globals from "globals";

export default [
  {
    ignores: ["node_modules/**", "static/**", ".venv/**", ".venv-train/**", "staticfiles/**"],
  },
  js.configs.recommended,
  {
    files: ["**/*.js"],
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: "module",
      globals: globals.browser,
    },
    rules: {
      "no-var": "error",
      "prefer-const": "error",
    },
  },
  {
    files: ["frontend/build.js", "eslint.config.js", "vitest.config.js"],
    languageOptions: { globals: globals.node },
  },
  {
    files: ["frontend/**/*.test.js"],
    languageOptions: { globals: globals.node },
  },
];
