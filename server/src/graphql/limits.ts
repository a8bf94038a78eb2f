import { ApolloArmor } from '@escape.tech/graphql-armor';
import {
  GraphQLError,
  Kind,
  type GraphQLSchema,
  type SelectionSetNode,
  type ValidationContext,
  type DocumentNode,
} from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

export const LIMITS = {
  maxDepth: 10,
  maxAliases: 30,
  maxTokens: 5000,
  maxDirectives: 50,
  maxComplexity: 20000,
};

/**
 * Depth, alias and directive limits from graphql-armor, as validation rules (reported as
 * GRAPHQL_VALIDATION_FAILED, HTTP 400). The token limit stays graphql-js' own parser option:
 * armor's Apollo token plugin throws from parsingDidStart, which Apollo Server 5 answers with 500.
 * The cost limit needs the variables, so it runs after validation and coercion (guardPlugin).
 */
export function armorValidationRules() {
  // armor words its rejections "Syntax Error: …"; report them as the validation errors they are
  const reject = {
    exposeLimits: true,
    propagateOnRejection: false,
    onReject: [
      (ctx: ValidationContext | null, e: GraphQLError) =>
        ctx?.reportError(
          new GraphQLError(e.message.replace(/^Syntax Error: /, ''), {
            extensions: { code: 'GRAPHQL_VALIDATION_FAILED' },
          }),
        ),
    ],
  };
  return new ApolloArmor({
    blockFieldSuggestion: { enabled: false }, // production: ApolloServerPluginDisableSuggestions
    costLimit: { enabled: false },
    maxTokens: { enabled: false },
    maxDepth: { n: LIMITS.maxDepth, flattenFragments: true, ...reject },
    maxAliases: { n: LIMITS.maxAliases, ...reject },
    maxDirectives: { n: LIMITS.maxDirectives, ...reject },
  }).protect().validationRules;
}

/** Query cost from type-graphql's `complexity` field options, 1 per field otherwise. Throws QUERY_TOO_COMPLEX. */
export function checkComplexity(
  schema: GraphQLSchema,
  document: DocumentNode,
  operationName: string | undefined | null,
  variables: Record<string, unknown> | undefined,
  max: number,
): number {
  const cost = getComplexity({
    schema,
    query: document,
    operationName: operationName ?? undefined,
    variables: variables ?? {},
    estimators: [fieldExtensionsEstimator(), simpleEstimator({ defaultComplexity: 1 })],
  });
  if (cost > max) {
    throw new GraphQLError(`Query is too complex: cost ${cost} exceeds the maximum of ${max}`, {
      extensions: { code: 'QUERY_TOO_COMPLEX', cost, limit: max, http: { status: 400 } },
    });
  }
  return cost;
}

/** Whether a document asks for __schema or __type. */
export function usesIntrospection(document: DocumentNode): boolean {
  let found = false;
  const walk = (set: SelectionSetNode | undefined) => {
    if (!set || found) return;
    for (const s of set.selections) {
      if (s.kind === Kind.FIELD && (s.name.value === '__schema' || s.name.value === '__type')) found = true;
      if (s.kind !== Kind.FRAGMENT_SPREAD) walk(s.selectionSet);
    }
  };
  for (const d of document.definitions) {
    if (d.kind === Kind.OPERATION_DEFINITION || d.kind === Kind.FRAGMENT_DEFINITION) walk(d.selectionSet);
  }
  return found;
}
