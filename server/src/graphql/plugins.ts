import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, OperationTypeNode } from 'graphql';
import type { RateLimiter } from '../api-key/rate-limit';
import type { RequestContext } from '../context/request-context';
import { isDatabaseUnavailable } from '../db/unavailable';
import { assertCleanArguments, coerceVariables } from './argument-guard';
import { GENERIC_MESSAGE, UNAVAILABLE_MESSAGE } from './errors';
import { checkComplexity, LIMITS, usesIntrospection } from './limits';

/**
 * Commits the request transaction when the response has no errors, rolls it back otherwise. A
 * commit that fails (the database went away, a deferred check) wrote nothing, so the answer must
 * not carry the data as if it had: it becomes an error (503 when the database is unreachable).
 */
export const transactionPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response, errors }) {
        const failed =
          (errors?.length ?? 0) > 0 ||
          (response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0);
        try {
          await contextValue.finish(!failed);
        } catch (e) {
          const down = isDatabaseUnavailable(e);
          if (!down) contextValue.log.error({ err: e }, 'commit failed');
          response.http.status = down ? 503 : 500;
          const error = down
            ? { message: UNAVAILABLE_MESSAGE, extensions: { code: 'SERVICE_UNAVAILABLE' } }
            : { message: GENERIC_MESSAGE, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
          if (response.body.kind === 'single') response.body.singleResult = { errors: [error] };
        }
      },
    };
  },
};

/**
 * Operation name into the request log; no introspection for API keys in production; then, only
 * for an operation whose variables coerce, the argument checks and the cost limit (invalid
 * variables are left to execution, which answers 400 BAD_USER_INPUT).
 */
export function guardPlugin(production: boolean, rateLimiter: RateLimiter): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      let cost: Record<string, number> | undefined;
      return {
        async didResolveOperation({ contextValue, document, operationName, request, schema, operation, response }) {
          contextValue.logFields.operation = operationName ?? operation?.name?.value ?? null;
          contextValue.logFields.operationType = operation?.operation;
          if (production && contextValue.principal?.kind === 'apiKey' && usesIntrospection(document)) {
            throw new GraphQLError('Introspection is disabled for API keys', {
              extensions: { code: 'FORBIDDEN', http: { status: 403 } },
            });
          }
          if (!operation) return;
          if (operation.operation === OperationTypeNode.SUBSCRIPTION) {
            throw new GraphQLError('Subscriptions are not supported', {
              extensions: { code: 'BAD_REQUEST', http: { status: 400 } },
            });
          }
          const variables = coerceVariables(schema, operation, request.variables);
          if (!variables) return;
          assertCleanArguments(schema, document, operation, variables);
          const requested = checkComplexity(
            schema,
            document,
            request.operationName,
            request.variables,
            LIMITS.maxComplexity,
          );
          cost = { requested };
          const p = contextValue.principal;
          if (p?.kind !== 'apiKey') return;
          // the rate limit by cost: each key spends its operations' costs from a budget per window
          const d = await rateLimiter.charge(p.id, requested);
          cost = { requested, limit: d.limit, remaining: Math.max(0, d.remaining), resetSeconds: d.reset };
          response.http.headers.set('x-cost-limit', String(d.limit));
          response.http.headers.set('x-cost-remaining', String(cost.remaining));
          if (!d.allowed) {
            response.http.headers.set('retry-after', String(d.retryAfter));
            throw new GraphQLError(
              `Query cost budget exceeded (${requested} asked, ${cost.remaining} of ${d.limit} left); retry in ${d.retryAfter}s`,
              {
                extensions: { code: 'RATE_LIMITED', http: { status: 429 } },
              },
            );
          }
        },
        async willSendResponse({ response, errors }) {
          // answers are per caller: no shared cache may keep them (what Apollo's cache-control plugin, off, used to say)
          response.http.headers.set('cache-control', 'no-store');
          if (cost && response.body.kind === 'single')
            response.body.singleResult.extensions = { ...response.body.singleResult.extensions, cost };
          // the database went away mid-request: a 503 the client may retry, not a 200 with errors
          if (errors?.some(isDatabaseUnavailable)) response.http.status = 503;
        },
      };
    },
  };
}
