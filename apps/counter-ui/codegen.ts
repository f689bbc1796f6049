import type { CodegenConfig } from '@graphql-codegen/cli';

// Typed operations: every `graphql(`...`)` in src/ is checked against the committed supergraph SDL
// (schema.graphql, refreshed with `npm run schema -w @onewindow/counter-ui`).
const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/**/*.{ts,tsx}', '!src/gql/**'],
  ignoreNoDocuments: false,
  silent: true,
  generates: {
    'src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        enumsAsTypes: true,
        useTypeImports: true,
        skipTypename: false,
        scalars: { Date: 'string', DateTime: 'string', JSON: 'Record<string, unknown>', JSONObject: 'Record<string, unknown>' },
      },
    },
  },
};
export default config;
