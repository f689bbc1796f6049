// One lint configuration for every workspace (each runs `eslint .`; ESLint finds this file by
// walking up). Type-aware where it guards correctness: a promise nobody awaits loses errors and
// ordering (outbox, NATS acks), and a switch over a union must name every case.
import js from '@eslint/js';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['**/dist/**', '**/dist-check/**', '**/node_modules/**', '**/.data/**', '**/.turbo/**', 'apps/counter-ui/src/gql/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts', '**/*.tsx'],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': ['error', { checksVoidReturn: false }],
      '@typescript-eslint/switch-exhaustiveness-check': ['error', { considerDefaultExhaustiveForUnions: true }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      // Chinese documents use the ideographic space (U+3000) on purpose, also in template literals.
      'no-irregular-whitespace': ['error', { skipStrings: true, skipTemplates: true }],
      // Nest resolves constructor parameters from decorator metadata: a type-only import would erase them.
      '@typescript-eslint/consistent-type-imports': 'off',
    },
  },
  {
    // Tests poke at untyped GraphQL results; production code may not.
    files: ['**/test/**/*.ts', '**/*.spec.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // The UI's browser tests are compiled by their own tsconfig (Node + jest, not the DOM app).
    files: ['apps/counter-ui/test/**/*.ts'],
    languageOptions: { parserOptions: { projectService: false, project: ['apps/counter-ui/tsconfig.test.json'], tsconfigRootDir: import.meta.dirname } },
  },
  {
    files: ['apps/counter-ui/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: { ...reactHooks.configs.recommended.rules },
    languageOptions: { globals: globals.browser },
  },
  { files: ['**/*.{js,mjs,cjs}'], languageOptions: { globals: { ...globals.node } } },
);
