// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/**
 * The import table of docs/architecture.md, enforced. Each layer lists the top-level
 * folders it must not reach into; `domain/` additionally may not touch Node, packages, the clock
 * or randomness, so deciders stay pure and replayable.
 */
const layers = {
  commands: ['infra', 'projections', 'read-api', 'write-api', 'ops', 'consumers'],
  projections: ['commands', 'read-api', 'write-api', 'ops', 'consumers'],
  consumers: ['commands', 'projections', 'read-api', 'write-api', 'ops'],
  'read-api': ['commands', 'write-api', 'ops', 'consumers'],
  'write-api': ['projections', 'read-api', 'ops', 'consumers'],
  infra: ['read-api', 'write-api'],
};

/**
 * The ports in `commands/ports/` (event store contract, positions, clock, ids) are the shared
 * vocabulary every layer reads events through, so they stay importable where `commands/` is banned.
 */
const forbidFolders = (folders, { portsAllowed = true } = {}) =>
  folders.map((folder) => ({
    regex: folder === 'commands' && portsAllowed ? '(^|/)commands/(?!ports/)' : `(^|/)${folder}/`,
    message: `This layer may not import from ${folder}/ (see the import table in docs/architecture.md).`,
  }));

const otherLayers = ['commands', 'infra', 'projections', 'read-api', 'write-api', 'ops', 'consumers'];

export default tseslint.config(
  { ignores: ['node_modules/**', 'bench/results/**', 'coverage/**', '.data/**', 'eslint.config.js'] },
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
    ignores: ['**/*.test.ts'],
    rules: { 'no-restricted-imports': ['error', { patterns: forbidFolders(banned) }] },
  })),
  {
    // domain/ is pure: no I/O, no packages, no clock, no randomness (time and ids come in the command).
    files: ['domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            ...forbidFolders(otherLayers, { portsAllowed: false }),
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
