import { unwrapResolverError } from '@apollo/server/errors';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import type { Logger } from 'pino';
import { databaseRefusal, PUBLIC_CODES } from '../common/errors';
import { isDatabaseUnavailable } from '../db/unavailable';

export const GENERIC_MESSAGE = 'Internal server error';
export const UNAVAILABLE_MESSAGE = 'Service temporarily unavailable; please retry';

/** HTTP status of an error raised before execution (context, header checks): never 500 for a client's fault. */
const STATUS_BY_CODE: Record<string, number> = {
  BAD_USER_INPUT: 400,
  BAD_REQUEST: 400,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  RATE_LIMITED: 429,
  SERVICE_UNAVAILABLE: 503,
};

export function unavailable(): GraphQLError {
  return new GraphQLError(UNAVAILABLE_MESSAGE, {
    extensions: { code: 'SERVICE_UNAVAILABLE', http: { status: 503, headers: new Map([['retry-after', '1']]) } },
  });
}

/**
 * What building the context threw, as Apollo should send it: our own errors with their status
 * (401, 403, 404, 429 — Apollo would send 500), the database being unreachable as 503; anything
 * else stays a 500 (masked by formatError).
 */
export function contextError(e: unknown): unknown {
  if (e instanceof GraphQLError) {
    const code = e.extensions.code as string | undefined;
    const status = code ? STATUS_BY_CODE[code] : undefined;
    if (status && !(e.extensions.http as { status?: number } | undefined)?.status) {
      const http = { ...((e.extensions.http as object) ?? {}), status };
      return new GraphQLError(e.message, { extensions: { ...e.extensions, http } });
    }
    return e;
  }
  return isDatabaseUnavailable(e) ? unavailable() : e;
}

/**
 * Apollo `formatError`: keeps errors we raised on purpose (a GraphQLError with a public code),
 * masks everything else (database errors, bugs) as INTERNAL_SERVER_ERROR with a generic
 * message, and logs the original. Production drops stack traces and schema hints.
 */
export function makeFormatError(log: Logger, production: boolean) {
  return (formatted: GraphQLFormattedError, error: unknown): GraphQLFormattedError => {
    const original = unwrapResolverError(error);
    let code = formatted.extensions?.code as string | undefined;
    // graphql-js' own request errors that Apollo leaves without a code (e.g. "Too many errors
    // processing variables"): no path, no underlying error — the request is at fault, not us
    if (error instanceof GraphQLError && error.extensions.code === undefined && !error.path && !error.originalError) {
      code = 'BAD_USER_INPUT';
      formatted = { ...formatted, extensions: { ...formatted.extensions, code } };
    }
    const deliberate =
      code !== undefined &&
      PUBLIC_CODES.has(code) &&
      // a resolver error must itself be a GraphQLError we made, not e.g. a driver error with a code
      (original instanceof GraphQLError ||
        !(error instanceof GraphQLError) ||
        error.originalError === undefined ||
        error.originalError instanceof GraphQLError);
    const refusal = deliberate ? null : databaseRefusal(original);
    if (refusal)
      return {
        message: refusal.message,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: refusal.extensions.code },
      };
    if (!deliberate && isDatabaseUnavailable(original)) {
      log.warn({ err: { message: (original as Error)?.message }, path: formatted.path }, 'database unavailable');
      return {
        message: UNAVAILABLE_MESSAGE,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'SERVICE_UNAVAILABLE' },
      };
    }
    if (!deliberate) {
      log.error({ err: original, path: formatted.path }, 'internal error');
      return {
        message: GENERIC_MESSAGE,
        locations: formatted.locations,
        path: formatted.path,
        extensions: { code: 'INTERNAL_SERVER_ERROR' },
      };
    }
    const extensions = { ...formatted.extensions };
    delete extensions.stacktrace;
    delete extensions.http;
    let message = formatted.message;
    if (production && code === 'GRAPHQL_VALIDATION_FAILED') message = message.replace(/ Did you mean .*$/, '');
    return { message, locations: formatted.locations, path: formatted.path, extensions };
  };
}
