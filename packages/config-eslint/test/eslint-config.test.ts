import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { ESLint, type Linter } from 'eslint';

// Lints snippets as if they were files of the repository, with the root eslint.config.mjs, and
// checks that the boundary rules (docs/architecture.md#boundaries) fire where they must and stay
// quiet where imports are allowed. Type information is switched off and only the rules under test
// run: they look at import specifiers and resolved paths, not at types.
const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const RULES = ['no-restricted-imports', 'import-x/no-relative-packages', 'jest/no-focused-tests'];

const eslint = new ESLint({
  cwd: repoRoot,
  overrideConfig: { languageOptions: { parserOptions: { projectService: false, project: null } } },
  ruleFilter: ({ ruleId }) => RULES.includes(ruleId),
});

async function lint(filePath: string, code: string): Promise<Linter.LintMessage[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return result!.messages;
}

async function errorsOf(filePath: string, code: string): Promise<(string | null)[]> {
  const messages = await lint(filePath, code);
  for (const m of messages) expect(m.severity).toBe(2);
  return messages.map((m) => m.ruleId);
}

const SERVICES = ['counter', 'household', 'exit-entry', 'traffic', 'public-security', 'complaints'];
const pairs = SERVICES.flatMap((from) => SERVICES.filter((to) => to !== from).map((to) => [from, to] as const));

describe('services never import each other', () => {
  it.each(pairs)('%s may not import @onewindow/%s', async (from, to) => {
    expect(await errorsOf(`apps/${from}/src/x.ts`, `import { x } from '@onewindow/${to}';\n`)).toEqual(['no-restricted-imports']);
  });

  it('not through a subpath, a type-only import, a re-export, nor from a test', async () => {
    expect(await errorsOf('apps/traffic/src/seed/x.ts', `import { DEMO_PERSON_IDS } from '@onewindow/household/demo-persons';\n`)).toEqual(['no-restricted-imports']);
    expect(await errorsOf('apps/traffic/src/x.ts', `import type { X } from '@onewindow/household';\n`)).toEqual(['no-restricted-imports']);
    expect(await errorsOf('apps/traffic/src/x.ts', `export { x } from '@onewindow/exit-entry';\n`)).toEqual(['no-restricted-imports']);
    expect(await errorsOf('apps/exit-entry/test/x.test.ts', `import { x } from '@onewindow/household';\n`)).toEqual(['no-restricted-imports']);
  });

  it('not by a relative path into another workspace', async () => {
    expect(await errorsOf('apps/traffic/src/seed/x.ts', `import { x } from '../../../household/src/main.js';\n`)).toEqual(['import-x/no-relative-packages']);
    expect(await errorsOf('apps/traffic/test/x.test.ts', `import { x } from '../../public-security/src/main.js';\n`)).toEqual(['import-x/no-relative-packages']);
    // A package's sources are reached through its name and exports, not its folders.
    expect(await errorsOf('apps/traffic/src/seed/x.ts', `import { x } from '../../../../packages/population/src/index.js';\n`)).toEqual(['import-x/no-relative-packages']);
  });
});

describe('the gateway and the UI', () => {
  it.each(SERVICES)('the gateway may not import @onewindow/%s', async (service) => {
    expect(await errorsOf('apps/gateway/src/x.ts', `import { x } from '@onewindow/${service}';\n`)).toEqual(['no-restricted-imports']);
  });

  it('the gateway may not reach a service by a relative path', async () => {
    expect(await errorsOf('apps/gateway/src/x.ts', `import { x } from '../../counter/src/main.js';\n`)).toEqual(['import-x/no-relative-packages']);
  });

  it.each(['household', 'gateway', 'platform', 'testing', 'population'])('the UI may not import @onewindow/%s', async (target) => {
    expect(await errorsOf('apps/counter-ui/src/x.tsx', `import { x } from '@onewindow/${target}';\n`)).toEqual(['no-restricted-imports']);
  });
});

describe('packages', () => {
  it.each(['casework', 'transfers', 'service-kit', 'household', 'counter'])('platform may not import @onewindow/%s', async (target) => {
    expect(await errorsOf('packages/platform/src/x.ts', `import { x } from '@onewindow/${target}';\n`)).toEqual(['no-restricted-imports']);
  });

  it.each(['platform', 'id-number', 'household'])('contracts may not import @onewindow/%s', async (target) => {
    expect(await errorsOf('packages/contracts/src/x.ts', `import { x } from '@onewindow/${target}';\n`)).toEqual(['no-restricted-imports']);
  });

  it('no package imports an app', async () => {
    expect(await errorsOf('packages/casework/src/x.ts', `import { x } from '@onewindow/household';\n`)).toEqual(['no-restricted-imports']);
    expect(await errorsOf('packages/testing/src/x.ts', `import { x } from '@onewindow/gateway';\n`)).toEqual(['no-restricted-imports']);
  });
});

describe('allowed imports pass', () => {
  it.each([
    ['apps/traffic/src/seed/x.ts', `import { DEMO_PERSON_IDS } from '@onewindow/population';\nimport { x } from '@onewindow/platform';\n`],
    ['apps/traffic/src/seed/x.ts', `import { x } from '../casework/traffic.rules.js';\n`],
    ['apps/gateway/test/x.test.ts', `import { TestStack } from '@onewindow/testing';\n`],
    ['apps/counter-ui/src/x.tsx', `import { x } from '@onewindow/contracts';\nimport { useQuery } from '@apollo/client';\n`],
    ['apps/counter-ui/test/x.test.ts', `import { TestStack } from '@onewindow/testing';\n`],
    ['packages/platform/src/x.ts', `import { x } from '@onewindow/contracts';\nimport { y } from '@onewindow/id-number';\n`],
    ['packages/contracts/src/x.ts', `import { IsString } from 'class-validator';\n`],
    ['apps/household/jest.config.mjs', `import { preset } from '../../jest.preset.mjs';\n`],
  ])('%s: %s', async (file, code) => {
    expect(await lint(file, code)).toEqual([]);
  });
});

describe('no focused tests', () => {
  it.each(['describe.only', 'it.only', 'test.only', 'fdescribe', 'fit'])('%s is an error', async (call) => {
    expect(await errorsOf('apps/traffic/src/x.spec.ts', `${call}('x', () => {});\n`)).toEqual(['jest/no-focused-tests']);
    expect(await errorsOf('packages/population/test/x.test.ts', `${call}('x', () => {});\n`)).toEqual(['jest/no-focused-tests']);
  });

  it('plain tests pass', async () => {
    expect(await lint('apps/traffic/src/x.spec.ts', `describe('x', () => { it('y', () => {}); test('z', () => {}); });\n`)).toEqual([]);
  });
});
