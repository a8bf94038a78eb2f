// The console's data provider. A thin proxy that
// - loads the GraphQL provider (Apollo, graphql, ra-data-graphql-simple) on first use, so the
//   login page stays small;
// - builds a fresh provider per session (token + acting tenant), so that nothing one session
//   cached (Apollo's cache) reaches the next; a provider that failed to load is retried;
// - rethrows every failure as an HttpError with a translated message (see errors.ts);
// - carries the console's non-CRUD reads (reads.ts), which run over fetch.ts.
import type { DataProvider } from 'ra-core';
import { getToken, currentTenant } from '../session';
import { toHttpError } from './errors';
import { readMethods, type ReadMethods } from './reads';

let current: { key: string; provider: Promise<DataProvider> } | null = null;

const sessionKey = () => `${getToken() ?? ''}|${currentTenant() ?? ''}`;

const provider = (): Promise<DataProvider> => {
  const key = sessionKey();
  if (!current || current.key !== key) {
    const entry = {
      key,
      provider: import('./graphql').then(m => m.buildProvider()),
    };
    entry.provider.catch(() => {
      if (current === entry) current = null;
    });
    current = entry;
  }
  return current.provider;
};

/** Forget the cached provider (and its introspection), e.g. after logout. */
export const resetDataProvider = (): void => {
  current = null;
};

const METHODS = [
  'getList',
  'getOne',
  'getMany',
  'getManyReference',
  'create',
  'update',
  'updateMany',
  'delete',
  'deleteMany',
] as const;

const crud = Object.fromEntries(
  METHODS.map(method => [
    method,
    async (resource: string, params: unknown) => {
      const key = sessionKey();
      try {
        const p = await provider();
        return await (p[method] as (r: string, x: unknown) => Promise<unknown>)(resource, params);
      } catch (error) {
        const e = toHttpError(error);
        // An introspection that failed (e.g. signed out meanwhile) is not cached for the next try.
        if (current?.key === key && e.status !== 403 && e.status !== 404 && e.status !== 409 && e.status !== 400)
          current = null;
        throw e;
      }
    },
  ]),
) as unknown as DataProvider;

/** CRUD through ra-data-graphql-simple, plus the non-CRUD reads (`useRead`). */
export const dataProvider: DataProvider & ReadMethods = { ...crud, ...readMethods };
