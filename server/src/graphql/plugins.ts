import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError } from 'graphql';
import type { RequestContext } from '../context/request-context';
import { checkComplexity, LIMITS, usesIntrospection } from './limits';

/** Commits the request transaction when the response has no errors, rolls it back otherwise. */
export const transactionPlugin: ApolloServerPlugin<RequestContext> = {
  async requestDidStart() {
    return {
      async willSendResponse({ contextValue, response, errors }) {
        const failed = (errors?.length ?? 0) > 0 || (response.body.kind === 'single' && (response.body.singleResult.errors?.length ?? 0) > 0);
        await contextValue.finish(!failed);
      },
    };
  },
};

/** Operation name into the request log; cost limit; no introspection for API keys in production. */
export function guardPlugin(production: boolean): ApolloServerPlugin<RequestContext> {
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ contextValue, document, operationName, request, schema, operation }) {
          contextValue.logFields.operation = operationName ?? operation?.name?.value ?? null;
          contextValue.logFields.operationType = operation?.operation;
          if (production && contextValue.principal?.kind === 'apiKey' && usesIntrospection(document)) {
            throw new GraphQLError('Introspection is disabled for API keys', { extensions: { code: 'FORBIDDEN', http: { status: 403 } } });
          }
          checkComplexity(schema, document, request.operationName, request.variables, LIMITS.maxComplexity);
        },
      };
    },
  };
}
