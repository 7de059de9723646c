// @ts-check
const js = require('@eslint/js');
const { defineConfig, globalIgnores } = require('eslint/config');
const prettier = require('eslint-config-prettier/flat');
const globals = require('globals');
const tseslint = require('typescript-eslint');

/** What @nestjs/common holds of HTTP: its exceptions, and the decorators of routes and requests. */
const NEST_HTTP = [
  'HttpException',
  'HttpStatus',
  'BadRequestException',
  'UnauthorizedException',
  'ForbiddenException',
  'NotFoundException',
  'MethodNotAllowedException',
  'NotAcceptableException',
  'RequestTimeoutException',
  'ConflictException',
  'GoneException',
  'PreconditionFailedException',
  'PayloadTooLargeException',
  'UnsupportedMediaTypeException',
  'ImATeapotException',
  'MisdirectedException',
  'UnprocessableEntityException',
  'InternalServerErrorException',
  'NotImplementedException',
  'BadGatewayException',
  'ServiceUnavailableException',
  'GatewayTimeoutException',
  'HttpVersionNotSupportedException',
  'Controller',
  'Get',
  'Post',
  'Put',
  'Patch',
  'Delete',
  'Head',
  'Options',
  'All',
  'HttpCode',
  'Header',
  'Redirect',
  'Req',
  'Request',
  'Res',
  'Response',
  'Body',
  'Param',
  'Query',
  'Headers',
  'Ip',
  'HostParam',
  'Session',
  'UploadedFile',
  'UploadedFiles',
];

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
  // The layer rules dependency-cruiser cannot state, as it sees modules and not the names imported
  // (.dependency-cruiser.js: controllers-reach-no-store, handlers-know-no-http).
  {
    files: ['**/*.controller.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@dossiers/application',
              importNames: ['Aggregates', 'EventStreams'],
              message:
                'A controller dispatches through the command or query bus: the aggregates are its handler’s.',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['**/*.handler.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            {
              name: '@nestjs/common',
              importNames: NEST_HTTP,
              message: 'A handler knows no HTTP: throw a domain error (mapped to a status in one place).',
            },
          ],
        },
      ],
    },
  },
  // Last: turns off every rule that would fight Prettier's formatting.
  prettier,
);
