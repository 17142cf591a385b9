import js from '@eslint/js';
import { configs as litConfigs } from 'eslint-plugin-lit';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'public/**', 'build/**', 'eslint.config.js', 'docs/**', 'examples/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        project: ['./tsconfig.json', './tsconfig.node.json', './test/types/tsconfig.json'],
        tsconfigRootDir: import.meta.dirname,
      },
    },
  },
  litConfigs['flat/recommended'],
  {
    rules: {
      '@typescript-eslint/unbound-method': 'off', // Lit binds `this` for @event listeners
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
    },
  },
  {
    files: ['test/**/*.ts'],
    // chai and open-wc assertions are thenables; node:test suites return promises the runner awaits.
    rules: { '@typescript-eslint/no-floating-promises': 'off', '@typescript-eslint/no-unused-expressions': 'off' },
  },
  { files: ['**/*.mjs'], ...tseslint.configs.disableTypeChecked },
  {
    files: ['**/*.mjs'],
    languageOptions: {
      globals: { process: 'readonly', console: 'readonly', fetch: 'readonly', setTimeout: 'readonly' },
    },
  },
);
