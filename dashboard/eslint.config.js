// @ts-check
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

/**
 * The dashboard's own lint: the browser, React's rules of hooks, and typed TypeScript rules. The
 * root config's layer table does not apply here: the app talks to the APIs over HTTP only (its one
 * imports from the backend are pure data: the permission table, domain/access/permissions.ts, and
 * the returns policy's default reasons, domain/return-policy/state.ts).
 */
export default tseslint.config(
  { ignores: ['dist/**', 'src/api/*.generated.ts', 'eslint.config.js'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    files: ['**/*.{ts,tsx}'],
    languageOptions: {
      globals: globals.browser,
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    plugins: { 'react-hooks': reactHooks },
    rules: {
      ...reactHooks.configs.recommended.rules,
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
);
