// The GraphQL data provider: ra-data-graphql-simple over an Apollo client, with every exception
// to its convention in ONE buildQuery override below. Loaded lazily (with Apollo and graphql) on
// the first data request after sign-in, so the login page does not download it.
import { ApolloClient, ApolloLink, HttpLink, InMemoryCache, gql } from '@apollo/client';
import { setContext } from '@apollo/client/link/context';
import buildGraphQLProvider, { buildQueryFactory } from 'ra-data-graphql-simple';
import type { IntrospectionResult } from 'ra-data-graphql';
import { buildSchema, introspectionFromSchema, type IntrospectionSchema } from 'graphql';
// The server's published schema, generated from its code and checked for staleness by the tests.
import SCHEMA_SDL from '../../../server/schema.graphql?raw';
import { CREATE, DELETE, UPDATE, type DataProvider } from 'ra-core';
import type {
  IntrospectionField,
  IntrospectionInputObjectType,
  IntrospectionObjectType,
  IntrospectionType,
  IntrospectionTypeRef,
} from 'graphql';
import { GRAPHQL_URL } from '../session';
import { authHeaders } from './fetch';
import { toHttpError } from './errors';
import { parkSecret } from './oneTimeSecrets';

/** react-admin resource name → GraphQL type name (the ra-data-graphql-simple "resource"). */
export const RESOURCE_TYPES: Record<string, string> = {
  tenants: 'Tenant',
  users: 'User',
  apiKeys: 'ApiKey',
  schemes: 'Scheme',
  subjects: 'Subject',
  results: 'ResultRun',
  adjustments: 'Adjustment',
  departments: 'Department',
};

/** Platform-level operations: a PLATFORM_ADMIN sends them without X-Tenant. */
const PLATFORM_OPERATIONS = /^(_?all)?Tenants?(Meta)?$|^(create|update|delete)Tenant$/;

export const buildClient = (): ApolloClient<unknown> => {
  const auth = setContext((operation, prev) => ({
    headers: {
      ...prev.headers,
      ...authHeaders({ tenant: !PLATFORM_OPERATIONS.test(operation.operationName ?? '') }),
    },
  }));
  // HttpLink posts `content-type: application/json`, which Apollo Server's CSRF prevention wants.
  const http = new HttpLink({ uri: GRAPHQL_URL });
  const client = new ApolloClient({
    link: ApolloLink.from([auth, http]),
    cache: new InMemoryCache(), // __typename is added by default (the option itself is deprecated and warns)
    defaultOptions: { query: { fetchPolicy: 'network-only' }, watchQuery: { fetchPolicy: 'network-only' } },
  });
  // ra-data-graphql flattens Apollo errors (and drops a 400's GraphQL errors); convert them to
  // translated HttpErrors first, keeping extensions.code and problems.
  const query = client.query.bind(client);
  const mutate = client.mutate.bind(client);
  client.query = ((options: Parameters<typeof query>[0]) =>
    query(options).catch(e => Promise.reject(toHttpError(e)))) as typeof client.query;
  client.mutate = ((options: Parameters<typeof mutate>[0]) =>
    mutate(options).catch(e => Promise.reject(toHttpError(e)))) as typeof client.mutate;
  return client;
};

// ---- introspection helpers -------------------------------------------------------------------

const finalType = (ref: IntrospectionTypeRef): { kind: string; name: string } => {
  let t = ref as IntrospectionTypeRef & { ofType?: IntrospectionTypeRef; name?: string };
  while (t.ofType) t = t.ofType;
  return { kind: t.kind, name: t.name ?? '' };
};

const typeNamed = (ir: IntrospectionResult, name: string): IntrospectionType | undefined =>
  ir.types.find(t => t.name === name);

/** A selection set for a type: its scalars and enums, and one level of nested objects. */
export const selectionOf = (ir: IntrospectionResult, typeName: string, depth = 1): string => {
  const type = typeNamed(ir, typeName) as IntrospectionObjectType | undefined;
  if (!type?.fields) return '__typename';
  const parts = type.fields.flatMap((f: IntrospectionField) => {
    if (f.args?.some(a => a.type.kind === 'NON_NULL')) return [];
    const ft = finalType(f.type);
    if (ft.name.startsWith('__')) return [];
    if (ft.kind === 'SCALAR' || ft.kind === 'ENUM') return [f.name];
    if (ft.kind === 'OBJECT' && depth > 0) {
      const inner = selectionOf(ir, ft.name, depth - 1);
      return inner === '__typename' ? [] : [`${f.name} { ${inner} }`];
    }
    return [];
  });
  return parts.length > 0 ? parts.join(' ') : '__typename';
};

const operation = (ir: IntrospectionResult, name: string): IntrospectionField | undefined =>
  // ra-data-graphql types `queries` as object types; at runtime they are the root fields.
  (ir.queries as unknown as IntrospectionField[]).find(q => q.name === name);

const gqlTypeString = (ref: IntrospectionTypeRef): string => {
  const r = ref as IntrospectionTypeRef & { ofType?: IntrospectionTypeRef; name?: string };
  if (r.kind === 'NON_NULL') return `${gqlTypeString(r.ofType)}!`;
  if (r.kind === 'LIST') return `[${gqlTypeString(r.ofType)}]`;
  return r.name;
};

/** Keep only the keys an input type (or an operation's arguments) accepts; drop empty optionals. */
const pickFor = (
  data: Record<string, unknown>,
  accepted: readonly { name: string; type: IntrospectionTypeRef }[],
): Record<string, unknown> => {
  const out: Record<string, unknown> = {};
  for (const field of accepted) {
    if (!(field.name in data)) continue;
    const value = data[field.name];
    const required = field.type.kind === 'NON_NULL';
    if (!required && (value === '' || value === undefined)) continue;
    out[field.name] = value;
  }
  return out;
};

interface BuiltQuery {
  query: ReturnType<typeof gql>;
  variables: Record<string, unknown>;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- ra-data-graphql's own signature for a built query
  parseResponse: (response: { data: Record<string, any> }) => any;
}

/**
 * A create/update mutation built from its introspected signature: `input:`-style
 * (createUser(input:), createTenant(input:)) or flat arguments (updateUser(id, name, role, …)).
 */
const buildWriteMutation = (
  ir: IntrospectionResult,
  field: IntrospectionField,
  resultType: string,
  params: { id?: unknown; data: Record<string, unknown> },
): BuiltQuery => {
  const args = field.args;
  const inputArg = args.find(a => a.name === 'input');
  const variables: Record<string, unknown> = {};
  if (inputArg) {
    const inputType = typeNamed(ir, finalType(inputArg.type).name) as IntrospectionInputObjectType | undefined;
    variables.input = pickFor(params.data, inputType?.inputFields ?? []);
  } else {
    Object.assign(
      variables,
      pickFor(
        params.data,
        args.filter(a => a.name !== 'id'),
      ),
    );
  }
  if (params.id !== undefined && args.some(a => a.name === 'id')) variables.id = params.id;
  const used = args.filter(a => a.name in variables);
  const decl = used.map(a => `$${a.name}: ${gqlTypeString(a.type)}`).join(', ');
  const call = used.map(a => `${a.name}: $${a.name}`).join(', ');
  const returned = finalType(field.type);
  const selection = returned.kind === 'OBJECT' ? `{ ${selectionOf(ir, resultType)} }` : '';
  return {
    query: gql`mutation ${field.name}${decl ? `(${decl})` : ''} { data: ${field.name}${call ? `(${call})` : ''} ${selection} }`,
    variables,
    parseResponse: ({ data }) => ({ data: returned.kind === 'OBJECT' ? data.data : { ...params.data, id: params.id } }),
  };
};

/**
 * THE place for exceptions to the ra-data-graphql-simple convention:
 * - resource names: `tenants`/`users`/`apiKeys`/`schemes` → types `Tenant`/`User`/`ApiKey`/`Scheme`
 *   (schemes are read through the convention; import, publish, close, clone and definition edits
 *   are their own mutations, called by src/schemes/api.ts);
 * - create/update: built from the introspected signature, so `createUser(input:)` and
 *   `createTenant(input:)` get an `input` object and flat ones (`updateUser(id, name, …)`)
 *   get only the arguments they declare;
 * - `createApiKey(name, scopes)` returns `{ key apiKey }`: the record is the apiKey; the key is
 *   parked in oneTimeSecrets for the create page to show once (never in react-admin's cache);
 * - delete of an API key is `revokeApiKey(id)`.
 * - `results` are result runs (type `ResultRun`, read through the convention); compute, the lifecycle
 *   steps, rankings and comparisons are their own operations, called by src/results/api.ts.
 * - `adjustments` (type `Adjustment`) are listed through the convention (filters schemeId, status,
 *   group, kind, subject); claim, verify and reject are their own mutations (src/adjustments/api.ts).
 * Everything else (lists, filters, sorting, paging, getOne, getMany) is the convention.
 */
export const buildQuery = (ir: IntrospectionResult) => {
  const conventional = buildQueryFactory()(ir);
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- react-admin's params differ per fetch type; each branch reads its own
  return (fetchType: string, resource: string, params: any): BuiltQuery => {
    const typeName = RESOURCE_TYPES[resource] ?? resource;

    if (typeName === 'ApiKey' && fetchType === CREATE) {
      const fields = selectionOf(ir, 'ApiKey');
      return {
        query: gql`mutation createApiKey($name: String!, $scopes: [String!]!) {
          data: createApiKey(name: $name, scopes: $scopes) { key apiKey { ${fields} } }
        }`,
        variables: { name: params.data.name, scopes: params.data.scopes ?? [] },
        // The key stays out of the returned record (and so out of react-admin's cache).
        parseResponse: ({ data }) => {
          parkSecret(data.data.apiKey.id, data.data.key);
          return { data: data.data.apiKey };
        },
      };
    }

    if (typeName === 'ApiKey' && fetchType === DELETE) {
      const revoke = operation(ir, 'revokeApiKey');
      const returned = revoke ? finalType(revoke.type) : { kind: 'SCALAR', name: 'Boolean' };
      const selection = returned.kind === 'OBJECT' ? `{ ${selectionOf(ir, returned.name)} }` : '';
      return {
        query: gql`mutation revokeApiKey($id: ID!) { data: revokeApiKey(id: $id) ${selection} }`,
        variables: { id: params.id },
        parseResponse: ({ data }) => ({
          data: returned.kind === 'OBJECT' && data.data ? data.data : { ...(params.previousData ?? {}), id: params.id },
        }),
      };
    }

    if (fetchType === CREATE || fetchType === UPDATE) {
      const name = `${fetchType === CREATE ? 'create' : 'update'}${typeName}`;
      const field = operation(ir, name);
      if (field) return buildWriteMutation(ir, field, typeName, params);
    }

    return conventional(fetchType, typeName, params) as BuiltQuery;
  };
};

/**
 * The console is built from the same commit as the server it is served by, so react-admin reads the
 * published schema bundled with it instead of introspecting the server: one round-trip less, and no
 * hand-written copy that could drift.
 */
let bundled: IntrospectionSchema | undefined;
export const bundledSchema = (): IntrospectionSchema =>
  (bundled ??= introspectionFromSchema(buildSchema(SCHEMA_SDL)).__schema);

export const buildProvider = (): DataProvider => {
  const client = buildClient();
  return buildGraphQLProvider({
    client,
    buildQuery,
    introspection: { schema: bundledSchema() },
  });
};
