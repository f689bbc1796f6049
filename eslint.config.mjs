// One lint configuration for every workspace (each runs `eslint .`; ESLint finds this file by
// walking up). Type-aware where it guards correctness: a promise nobody awaits loses errors and
// ordering (outbox, NATS acks), and a switch over a union must name every case.
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import js from '@eslint/js';
import { createNodeResolver, importX } from 'eslint-plugin-import-x';
import jest from 'eslint-plugin-jest';
import reactHooks from 'eslint-plugin-react-hooks';
import globals from 'globals';
import tseslint from 'typescript-eslint';

// ── Import boundaries (docs/architecture.md#boundaries, docs/decisions/0009-import-boundaries.md) ──
// Services talk over NATS, JetStream and federation, never by importing each other's code; the
// packages below them know no service. Two rules enforce it:
// - `no-restricted-imports` on package specifiers (`@onewindow/household`, `@onewindow/household/x`),
//   one config object per workspace (ESLint does not merge a rule's options across objects, so each
//   object carries the workspace's whole list);
// - `import-x/no-relative-packages` on relative paths that leave the importing workspace
//   (`../../household/src/x.js`): the path is resolved and its nearest package.json compared.
const workspaces = (dir) =>
  readdirSync(path.join(import.meta.dirname, dir), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .flatMap((d) => {
      try {
        const { name } = JSON.parse(readFileSync(path.join(import.meta.dirname, dir, d.name, 'package.json'), 'utf8'));
        return [{ dir: `${dir}/${d.name}`, name }];
      } catch {
        return []; // a folder without package.json (left over after a move) is no workspace
      }
    });
const APPS = workspaces('apps');
const PACKAGES = workspaces('packages');
const SCOPE = '@onewindow/';
const escape = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A specifier naming one of these workspaces, or a path inside it. */
const naming = (names) => `^(${names.map(escape).join('|')})(/|$)`;
const BOUNDARY = 'See docs/architecture.md#boundaries.';

/** @returns {{ regex: string, message: string }[]} what files of this workspace may not import */
function forbiddenImports(ws) {
  const otherApps = APPS.filter((a) => a.name !== ws.name).map((a) => a.name);
  if (ws.dir === 'packages/contracts') {
    return [{ regex: `^${escape(SCOPE)}`, message: `packages/contracts imports nothing of ours: every service and package depends on it. ${BOUNDARY}` }];
  }
  const rules = [];
  if (ws.dir.startsWith('apps/')) {
    const what =
      ws.dir === 'apps/gateway' ? 'The gateway reaches the services over HTTP (federation)'
      : ws.dir === 'apps/counter-ui' ? 'The UI reaches the backend through GraphQL'
      : 'Services talk over NATS, JetStream and federation';
    rules.push({ regex: naming(otherApps), message: `${what}; no app imports another app (put shared code in packages/*). ${BOUNDARY}` });
  } else {
    rules.push({ regex: naming(otherApps), message: `Packages know no app: move what both need into a package. ${BOUNDARY}` });
  }
  if (ws.dir === 'packages/platform') {
    const above = [`${SCOPE}casework`, `${SCOPE}transfers`, `${SCOPE}service-kit`];
    rules.push({ regex: naming(above), message: `packages/platform is the layer below casework, transfers and the service kit: it may not import them. ${BOUNDARY}` });
  }
  return rules;
}

const boundaries = [
  ...[...APPS, ...PACKAGES].map((ws) => ({
    files: [`${ws.dir}/**/*.{ts,tsx,mts,cts,js,mjs,cjs}`],
    rules: { 'no-restricted-imports': ['error', { patterns: forbiddenImports(ws) }] },
  })),
  {
    // The UI reaches the backend through GraphQL only; contracts may lend it types and labels.
    files: ['apps/counter-ui/src/**/*.{ts,tsx}'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [{ regex: `^${escape(SCOPE)}(?!contracts(/|$))`, message: `The UI reaches the backend through GraphQL only; of our workspaces it may import @onewindow/contracts (types, labels). ${BOUNDARY}` }],
        },
      ],
    },
  },
  {
    // Files below a workspace's top folder (src/, test/, scripts/ …) stay inside their workspace;
    // the top-level config files (jest.config.mjs, vite.config.ts) may reach the root presets.
    files: ['apps/*/*/**/*.{ts,tsx,mts,cts,js,mjs,cjs}', 'packages/*/*/**/*.{ts,tsx,mts,cts,js,mjs,cjs}'],
    plugins: { 'import-x': importX },
    settings: {
      // ESM sources import './x.js' that is x.ts on disk.
      'import-x/resolver-next': [createNodeResolver({ extensions: ['.ts', '.tsx', '.mts', '.cts', '.js', '.mjs', '.cjs', '.json', '.d.ts'], extensionAlias: { '.js': ['.ts', '.tsx', '.js'], '.mjs': ['.mts', '.mjs'], '.cjs': ['.cts', '.cjs'] } })],
    },
    rules: { 'import-x/no-relative-packages': 'error' },
  },
];

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
  ...boundaries,
  {
    // A focused test (`it.only`, `fdescribe` …) silently skips the rest of its file in CI.
    files: ['**/*.spec.ts', '**/*.test.ts', '**/test/**/*.ts'],
    plugins: { jest },
    rules: { 'jest/no-focused-tests': 'error' },
  },
);
