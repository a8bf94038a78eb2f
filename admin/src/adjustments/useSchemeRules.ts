import { useEffect, useMemo } from 'react';
import { useNotify } from 'react-admin';
import { useRead } from '../dataProvider/useRead';
import { rulesOf, type SchemeRules } from './api';

// Every component of a page that uses the hook shares one read (and one failure): said once.
const told = new WeakSet<Error>();

/** The rules and groups of a scheme's definition (undefined while loading or without a scheme). */
export const useSchemeRules = (schemeId: string | undefined): SchemeRules | undefined => {
  const notify = useNotify();
  const { data, error } = useRead('schemeDefinition', schemeId ? { schemeId } : null);
  useEffect(() => {
    if (!error || told.has(error)) return;
    told.add(error);
    notify(error.message, { type: 'error' });
  }, [error, notify]);
  return useMemo(() => (data ? rulesOf(data) : undefined), [data]);
};
