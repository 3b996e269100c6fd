// ESLint (flat config): typescript-eslint's recommended rules, no unused code, and repomod's
// import-boundary rule (scripts/eslint/). No stylistic rules: prettier owns the layout.
// Without type information on purpose: measured on this 2-core machine, recommendedTypeChecked
// took 53 s of CPU and no-floating-promises alone 37 s, against 18 s for the whole lint here.
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import tseslint from 'typescript-eslint';
import globals from 'globals';
import repomod from './scripts/eslint/import-boundary.js';

const root = import.meta.dirname;

export default defineConfig(
  {
    // bytes under test (fixtures, the demo repository) and build output are not our code
    ignores: ['dist/', '**/__testfixtures__/**', 'test/fixtures/**', 'examples/', 'bench-out/'],
  },
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    languageOptions: {
      globals: globals.node,
    },
    // a disable comment that no longer silences anything is itself an error
    linterOptions: { reportUnusedDisableDirectives: 'error' },
    plugins: { repomod },
    rules: {
      'repomod/import-boundary': ['error', { root }],
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
);
