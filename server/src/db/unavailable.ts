/**
 * Whether an error means the database cannot be reached right now (down, restarting, refusing
 * connections) rather than that the request or our code is wrong: such requests answer 503.
 */
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENOTFOUND']);
const MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|connection error|Connection is closed|Cannot use a pool after calling end|the database system is (starting up|shutting down|in recovery mode)|DataSource is not initialized|Query runner already released/i;
// (TypeORM releases a request's query runner itself when its connection drops mid-request)

export function isDatabaseUnavailable(e: unknown): boolean {
  for (
    let err = e as
        | {
            code?: unknown;
            message?: unknown;
            driverError?: unknown;
            originalError?: unknown;
            thrownValue?: unknown;
            cause?: unknown;
          }
        | undefined,
      i = 0;
    err && i < 5;
    i++
  ) {
    const code = typeof err.code === 'string' ? err.code : '';
    if (NETWORK_CODES.has(code) || code.startsWith('08') || /^57P0[123]$/.test(code)) return true;
    if (typeof err.message === 'string' && MESSAGES.test(err.message)) return true;
    // graphql-js wraps what is not an Error (another realm's, e.g. under Jest) as thrownValue
    err = (err.originalError ?? err.thrownValue ?? err.driverError ?? err.cause) as typeof err;
  }
  return false;
}
