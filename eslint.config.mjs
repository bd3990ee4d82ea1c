// office-addin-lint picks this file up (eslint 9 flat config): the Office add-in recommended
// rules (which bring typescript-eslint's own) for all sources; prettier formats.
import officeAddins from "eslint-plugin-office-addins";
import tsParser from "@typescript-eslint/parser";

export default [
  { ignores: ["dist/**", "lib/**", "node_modules/**", "coverage/**", "test-output/**"] },
  ...officeAddins.configs.recommended,
  {
    plugins: { "office-addins": officeAddins },
    languageOptions: { parser: tsParser },
  },
  {
    // TypeScript checks names itself; eslint's no-undef knows no Node or DOM globals in .ts
    files: ["**/*.ts", "**/*.tsx"],
    rules: { "no-undef": "off" },
  },
];
