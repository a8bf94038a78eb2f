import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { databaseRefusal, PUBLIC_CODES } from '../common/errors';

export const GENERIC_MESSAGE = 'Internal server error';

/**
 * Apollo `formatError`: keeps errors we raised on purpose (a GraphQLError with a public code),
 * masks everything else (database errors, bugs) as INTERNAL_SERVER_ERROR with a generic
 * message, and logs the original. Production drops stack traces and schema hints.
 */
export function makeFormatError(log: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    const code = formatted.extensions?.code as string | undefined;
    const deliberate =
      code !== undefined &&
      PUBLIC_CODES.has(code) &&
      // a resolver error must itself be a GraphQLError we made, not e.g. a driver error with a code
      (original instanceof GraphQLError || !(error instanceof GraphQLError) || error.originalError === undefined || error.originalError instanceof GraphQLError);
    const refusal = deliberate ? null : databaseRefusal(original);
    if (refusal) return { message: refusal.message, locations: formatted.locations, path: formatted.path, extensions: { code: refusal.extensions.code } };
    if (!deliberate) {
      log.error({ err: original, path: formatted.path }, 'internal error');
      return { message: GENERIC_MESSAGE, locations: formatted.locations, path: formatted.path, extensions: { code: 'INTERNAL_SERVER_ERROR' } };
    }
    const extensions = { ...formatted.extensions };
    delete extensions.stacktrace;
    delete extensions.http;
    let message = formatted.message;
    if (production && code === 'GRAPHQL_VALIDATION_FAILED') message = message.replace(/ Did you mean .*$/, '');
    return { message, locations: formatted.locations, path: formatted.path, extensions };
  };
}
