// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The import table of docs/architecture.md, enforced. Each layer lists the top-level folders it
 * must not reach into. `ports/` (the contracts every layer meets at: event store, positions,
 * clock, ids, leases, payments) sits at the bottom beside `domain/`, so no layer needs a carve-out
 * to read events. `domain/` additionally may not touch Node, packages, the clock or randomness, so
 * deciders stay pure and replayable.
 */
const layers = {
  ports: ['commands', 'infra', 'projections', 'read-api', 'write-api', 'ops', 'consumers', 'test-support'],
  commands: ['infra', 'projections', 'read-api', 'write-api', 'ops', 'consumers', 'test-support'],
  projections: ['commands', 'read-api', 'write-api', 'ops', 'consumers', 'test-support'],
  consumers: ['commands', 'projections', 'read-api', 'write-api', 'ops', 'test-support'],
  // The APIs speak HTTP and read models, not domain types: a domain error reaches a client only
  // through the one translation point, write-api/http/translate-error.ts (exempted below).
  'read-api': ['commands', 'write-api', 'ops', 'consumers', 'domain', 'test-support'],
  'write-api': ['projections', 'read-api', 'ops', 'consumers', 'domain', 'test-support'],
  infra: ['commands', 'projections', 'read-api', 'write-api', 'ops', 'consumers', 'test-support'],
  // test-support/ stands above ops/ (it opens migrated databases and harnesses through the
  // composition root), so only test files and test-support/ itself may import it.
  ops: ['test-support'],
};

/** The one file of the APIs that may import `domain/`: it maps domain errors to problem+json. */
const errorTranslation = 'write-api/http/translate-error.ts';

const forbidFolders = (folders) =>
  folders.map((folder) => ({
    regex: `(^|/)${folder}/`,
    message: `This layer may not import from ${folder}/ (see the import table in docs/architecture.md).`,
  }));

const otherLayers = [
  'ports',
  'commands',
  'infra',
  'projections',
  'read-api',
  'write-api',
  'ops',
  'consumers',
  'test-support',
];

export default tseslint.config(
  {
    ignores: [
      'node_modules/**',
      'dist/**',
      'bench/results/**',
      'coverage/**',
      '.data/**',
      'eslint.config.js',
      // The dashboard has its own lint (dashboard/eslint.config.js, `npm run dashboard:lint`).
      'dashboard/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      '@typescript-eslint/consistent-type-imports': 'error',
      // A `default` that throws on `never` counts as exhaustive (the design's never-check style).
      '@typescript-eslint/switch-exhaustiveness-check': [
        'error',
        { considerDefaultExhaustiveForUnions: true },
      ],
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/require-await': 'off',
      'no-console': ['error', { allow: ['error'] }],
    },
  },
  ...Object.entries(layers).map(([layer, banned]) => ({
    files: [`${layer}/**/*.ts`],
    ignores: ['**/*.test.ts', errorTranslation],
    rules: { 'no-restricted-imports': ['error', { patterns: forbidFolders(banned) }] },
  })),
  {
    files: [errorTranslation],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: forbidFolders(layers['write-api'].filter((folder) => folder !== 'domain')) },
      ],
    },
  },
  {
    // domain/ is pure: no I/O, no packages, no clock, no randomness (time and ids come in the command).
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbidFolders(otherLayers),
            {
              regex: '^(?!\\.|vitest$|fast-check$)',
              message: 'domain/ imports only domain/ (relative paths): no node:*, no packages, no I/O.',
            },
          ],
        },
      ],
      'no-restricted-globals': [
        'error',
        ...['process', 'fetch', 'setTimeout', 'setInterval', 'crypto', 'Buffer', 'console', 'require'].map(
          (name) => ({ name, message: 'domain/ is pure: pass what you need in the command.' }),
        ),
      ],
      'no-restricted-properties': [
        'error',
        { object: 'Date', property: 'now', message: 'No clock in domain/: time comes in the command.' },
        { object: 'Math', property: 'random', message: 'No randomness in domain/: ids come in the command.' },
      ],
      'no-restricted-syntax': [
        'error',
        {
          selector: "NewExpression[callee.name='Date'][arguments.length=0]",
          message: 'No clock in domain/: time comes in the command.',
        },
      ],
    },
  },
  {
    files: ['**/*.mjs', '**/*.js'],
    ...tseslint.configs.disableTypeChecked,
    languageOptions: {
      ...tseslint.configs.disableTypeChecked.languageOptions,
      globals: { console: 'readonly', process: 'readonly' },
    },
  },
  {
    files: ['ops/**/*.ts', 'bench/**/*.ts', 'ops/**/*.mjs'],
    rules: { 'no-console': 'off' },
  },
  {
    files: ['**/*.test.ts', 'test-support/**/*.ts'],
    rules: {
      '@typescript-eslint/no-non-null-assertion': 'off',
      '@typescript-eslint/unbound-method': 'off',
      // vitest's asymmetric matchers (expect.any, expect.objectContaining) are typed `any`.
      '@typescript-eslint/no-unsafe-assignment': 'off',
    },
  },
);
