// codegen.ts
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: 'schema.graphql',
  documents: ['src/**/*.ts'],
  ignoreNoDocuments: true,
  generates: {
    './src/gql/': {
      preset: 'client',
      config: {
        // Twinning's own scalars, as they arrive in JSON.
        scalars: { DateTime: 'string', Date: 'string', Decimal: 'number' },
      },
    },
  },
};
export default config;
