// react-query over the data provider's non-CRUD reads (reads.ts). The key is the method and its
// params, so an answer for other params never shows (a slow comparison with run A cannot appear
// once run B is picked), a read nobody waits for is aborted, and react-admin's refresh re-reads it.
import { keepPreviousData, useQuery, type UseQueryResult } from '@tanstack/react-query';
import { useDataProvider, type DataProvider } from 'react-admin';
import { currentTenant } from '../session';
import type { ReadMethods, ReadName, ReadParams, ReadResult } from './reads';

export interface ReadOptions {
  /** Keep showing the previous params' answer while the new one loads (filters, paging). */
  keepPrevious?: boolean;
  /** Read again every so many milliseconds, also while the tab is in the background. */
  pollMs?: number;
}

/** The query key of a read (for setQueryData); invalidating by ['kaoping', method] matches every params. */
export const readKey = <M extends ReadName>(method: M, params: ReadParams<M> | null) =>
  ['kaoping', method, params, currentTenant()] as const;

/** `params` null: nothing to read yet (the query waits). */
export function useRead<M extends ReadName>(
  method: M,
  params: ReadParams<M> | null,
  options: ReadOptions = {},
): UseQueryResult<ReadResult<M>, Error> {
  const dataProvider = useDataProvider<DataProvider & ReadMethods>();
  return useQuery({
    // the tenant the console acts in ends the key: a platform administrator who switches tenants
    // never sees the last tenant's answer (invalidations by ['kaoping', method] still match)
    queryKey: readKey(method, params),
    queryFn: ({ signal }) => {
      const read = dataProvider[method] as (p: ReadParams<M>, o: { signal: AbortSignal }) => Promise<ReadResult<M>>;
      return read(params as ReadParams<M>, { signal });
    },
    enabled: params !== null,
    // A refused read says why at once (as before), rather than after three silent retries.
    retry: false,
    placeholderData: options.keepPrevious ? keepPreviousData : undefined,
    refetchInterval: options.pollMs,
    refetchIntervalInBackground: options.pollMs !== undefined,
  });
}
