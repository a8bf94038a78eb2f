// TypeScript types of the console's GraphQL API, generated from the server's published schema
// (server/schema.graphql, itself generated from the server's code by `npm run schema`). The output
// is committed; `npm run codegen:check -w @kaoping/admin` (run by the tests) fails when it drifts.
import type { CodegenConfig } from '@graphql-codegen/cli';

const config: CodegenConfig = {
  schema: '../server/schema.graphql',
  generates: {
    'src/generated/graphql.ts': {
      plugins: ['typescript'],
      config: {
        // Dates and JSON travel as strings and plain values.
        scalars: { DateTimeISO: 'string', JSON: 'unknown' },
        enumsAsTypes: true,
        // Query has both `Scheme(id)` (react-admin's convention) and `scheme(id)`: names kept as
        // they are (QuerySchemeArgs, QueryschemeArgs), else both would be QuerySchemeArgs.
        namingConvention: { typeNames: 'keep' },
        avoidOptionals: { field: true, inputValue: false, object: false, defaultValue: false },
        maybeValue: 'T | null',
      },
    },
  },
  silent: true,
};

export default config;
