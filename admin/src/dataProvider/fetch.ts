// A tiny GraphQL-over-fetch helper: login and me (before the data provider and its Apollo client
// are loaded) and every operation that is not react-admin CRUD (each area's api.ts). Same headers
// as the Apollo link; failures become translated HttpErrors through errors.ts, the one translation.
import { GRAPHQL_URL, getActingTenant, getToken, getUser } from '../session';
import { errorFromGraphQL, networkError, type GraphQLErrorLike } from './errors';

export const authHeaders = (opts: { tenant?: boolean } = {}): Record<string, string> => {
  const headers: Record<string, string> = {};
  const token = getToken();
  if (token) headers.authorization = `Bearer ${token}`;
  // X-Tenant is for platform administrators only (the server refuses it from anyone else).
  const tenant = opts.tenant === false || getUser()?.role !== 'PLATFORM_ADMIN' ? null : getActingTenant();
  if (tenant) headers['x-tenant'] = tenant;
  return headers;
};

/** `signal` cancels the request (react-query aborts a read nobody waits for any more). */
export interface FetchOptions {
  auth?: boolean;
  signal?: AbortSignal;
}

export async function gqlFetch<T>(
  query: string,
  variables: Record<string, unknown> = {},
  opts: FetchOptions = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(GRAPHQL_URL, {
      method: 'POST',
      signal: opts.signal,
      // application/json also satisfies Apollo Server's CSRF prevention.
      headers: {
        'content-type': 'application/json',
        accept: 'application/json',
        ...(opts.auth === false ? {} : authHeaders()),
      },
      body: JSON.stringify({ query, variables }),
    });
  } catch (e) {
    if (opts.signal?.aborted) throw e;
    throw networkError(undefined, (e as Error).message);
  }
  let payload: { data?: T; errors?: GraphQLErrorLike[] } | undefined;
  try {
    payload = await response.json();
  } catch {
    throw networkError(response.status, response.statusText);
  }
  if (payload?.errors && payload.errors.length > 0) throw errorFromGraphQL(payload.errors);
  if (!response.ok || !payload?.data) throw networkError(response.status, response.statusText);
  return payload.data;
}
