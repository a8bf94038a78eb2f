import { GraphQLError, Kind, type ASTVisitor, type FragmentDefinitionNode, type GraphQLSchema, type SelectionSetNode, type ValidationContext, type DocumentNode } from 'graphql';
import { fieldExtensionsEstimator, getComplexity, simpleEstimator } from 'graphql-query-complexity';

export const LIMITS = {
  maxDepth: 10,
  maxAliases: 30,
  maxTokens: 5000,
  maxComplexity: 20000,
};

/** Rejects documents nested deeper than `max` (fragments followed, cycles ignored: they fail validation anyway). */
export function depthLimitRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    const fragments = new Map<string, FragmentDefinitionNode>();
    for (const d of context.getDocument().definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) fragments.set(d.name.value, d);
    const depthOf = (set: SelectionSetNode | undefined, seen: Set<string>): number => {
      if (!set) return 0;
      let deepest = 0;
      for (const s of set.selections) {
        if (s.kind === Kind.FIELD) {
          if (s.name.value.startsWith('__')) continue; // introspection meta fields are bounded by the schema
          deepest = Math.max(deepest, 1 + depthOf(s.selectionSet, seen));
        } else if (s.kind === Kind.INLINE_FRAGMENT) {
          deepest = Math.max(deepest, depthOf(s.selectionSet, seen));
        } else {
          const name = s.name.value;
          if (seen.has(name)) continue;
          const f = fragments.get(name);
          if (f) deepest = Math.max(deepest, depthOf(f.selectionSet, new Set([...seen, name])));
        }
        if (deepest > max) return deepest;
      }
      return deepest;
    };
    return {
      OperationDefinition(node) {
        const depth = depthOf(node.selectionSet, new Set());
        if (depth > max) {
          context.reportError(new GraphQLError(`Query is too deep: depth ${depth} exceeds the maximum of ${max}`, { nodes: [node], extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'depth' } }));
        }
      },
    };
  };
}

/** Rejects documents with more than `max` aliased fields. */
export function aliasLimitRule(max: number) {
  return (context: ValidationContext): ASTVisitor => {
    let count = 0;
    let reported = false;
    return {
      Field(node) {
        if (node.alias) count++;
        if (count > max && !reported) {
          reported = true;
          context.reportError(new GraphQLError(`Too many aliases: more than ${max}`, { extensions: { code: 'GRAPHQL_VALIDATION_FAILED', limit: 'aliases' } }));
        }
      },
    };
  };
}

/** Query cost from type-graphql's `complexity` field options, 1 per field otherwise. Throws QUERY_TOO_COMPLEX. */
export function checkComplexity(schema: GraphQLSchema, document: DocumentNode, operationName: string | undefined | null, variables: Record<string, unknown> | undefined, max: number): number {
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
