import { GraphQLError } from 'graphql';

/** Codes a client may see; anything else is masked as INTERNAL_SERVER_ERROR. */
export const PUBLIC_CODES = new Set([
  'UNAUTHENTICATED',
  'FORBIDDEN',
  'BAD_USER_INPUT',
  'NOT_FOUND',
  'CONFLICT',
  'RATE_LIMITED',
  'QUERY_TOO_COMPLEX',
  'SERVICE_UNAVAILABLE',
  // Apollo's own request errors
  'GRAPHQL_PARSE_FAILED',
  'GRAPHQL_VALIDATION_FAILED',
  'BAD_REQUEST',
  'OPERATION_RESOLUTION_FAILURE',
  'PERSISTED_QUERY_NOT_FOUND',
  'PERSISTED_QUERY_NOT_SUPPORTED',
]);

function err(code: string, message: string, status?: number, extra: Record<string, unknown> = {}): GraphQLError {
  return new GraphQLError(message, { extensions: { code, ...extra, ...(status ? { http: { status } } : {}) } });
}

export const unauthenticated = (message = 'Not authenticated') => err('UNAUTHENTICATED', message);
export const forbidden = (message = 'Not allowed', extra: Record<string, unknown> = {}) =>
  err('FORBIDDEN', message, undefined, extra);
export const notFound = (what = 'Record') => err('NOT_FOUND', `${what} not found`);
export const badInput = (message: string, extra: Record<string, unknown> = {}) =>
  err('BAD_USER_INPUT', message, undefined, extra);
export const conflict = (message: string) => err('CONFLICT', message);
export const rateLimited = (retryAfter: number) =>
  err('RATE_LIMITED', `Rate limit exceeded; retry in ${retryAfter}s`, 429);

/** PostgreSQL unique violation. */
export function isUniqueViolation(e: unknown, constraint?: string): boolean {
  const d = (e as { driverError?: { code?: string; constraint?: string }; code?: string; constraint?: string }) ?? {};
  const code = d.driverError?.code ?? d.code;
  const c = d.driverError?.constraint ?? d.constraint;
  return code === '23505' && (!constraint || c === constraint);
}

/**
 * A refusal by one of the database's own rules that a race between two requests can reach (the
 * services check the same rule first): the client error it stands for, else null.
 */
export function databaseRefusal(e: unknown): GraphQLError | null {
  const d = (e as { driverError?: { code?: string; constraint?: string }; code?: string; constraint?: string }) ?? {};
  const code = d.driverError?.code ?? d.code;
  if (code === 'KPCLS') return forbidden('The scheme is CLOSED: its data and results can no longer change');
  if (code === 'KPNRN')
    return conflict('The scheme has no PUBLISHED result run: publish its results before closing it');
  if (isUniqueViolation(e, 'result_runs_one_published'))
    return conflict('Another run of this scheme was published meanwhile; reload and retry');
  return null;
}
