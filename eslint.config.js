// @ts-check
const js = require('@eslint/js');
const { defineConfig, globalIgnores } = require('eslint/config');
const prettier = require('eslint-config-prettier/flat');
const globals = require('globals');
const tseslint = require('typescript-eslint');

// Syntax-only rule sets (no type information): fast enough for a 2-core CI machine.
// Nest DI constructors (`constructor(private readonly x: X) {}`) pass as is: neither set enables
// no-empty-function or no-useless-constructor.
module.exports = defineConfig(
  globalIgnores(['dist/', 'coverage/', 'data/', '.bench/']),
  js.configs.recommended,
  tseslint.configs.recommended,
  {
    rules: {
      // `_name` marks a deliberately unused parameter, variable or caught error.
      '@typescript-eslint/no-unused-vars': [
        'error',
        {
          argsIgnorePattern: '^_',
          varsIgnorePattern: '^_',
          caughtErrorsIgnorePattern: '^_',
          destructuredArrayIgnorePattern: '^_',
        },
      ],
      // Services log through Nest's Logger (levels, JSON output), never straight to stdout.
      'no-console': 'error',
    },
  },
  {
    // CLIs, benchmarks, tests and process entry points (fatal start-up errors) talk to a terminal on purpose.
    files: ['tools/**', 'bench/**', 'test/**', '**/*.spec.ts', 'apps/*/src/main.ts', '**/*.cli.ts'],
    rules: { 'no-console': 'off' },
  },
  {
    // Root config files (jest, eslint, dependency-cruiser) and the bench's compiled-code child are plain Node CommonJS.
    files: ['*.js', 'bench/*.js', 'test/*.js'],
    languageOptions: { sourceType: 'commonjs', globals: globals.node },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  // Last: turns off every rule that would fight Prettier's formatting.
  prettier,
);
