import { useEffect, useState } from 'react';
import { useNotify } from 'react-admin';
import { exportScheme } from '../schemes/api';
import { rulesOf, type SchemeRules } from './api';

// A scheme's definition never changes once published, and a draft has no adjustments: one fetch
// per scheme and page load is enough.
const cache = new Map<string, Promise<SchemeRules>>();

/** The rules and groups of a scheme's definition (undefined while loading or without a scheme). */
export const useSchemeRules = (schemeId: string | undefined): SchemeRules | undefined => {
  const [rules, setRules] = useState<SchemeRules | undefined>(undefined);
  const notify = useNotify();
  useEffect(() => {
    if (!schemeId) {
      setRules(undefined);
      return;
    }
    let live = true;
    if (!cache.has(schemeId)) {
      const p = exportScheme(schemeId).then(rulesOf);
      // said once per failed fetch (not per component using the hook); the next use tries again
      p.catch(e => {
        cache.delete(schemeId);
        notify((e as Error).message, { type: 'error' });
      });
      cache.set(schemeId, p);
    }
    cache.get(schemeId)!.then(
      r => live && setRules(r),
      () => live && setRules(undefined),
    );
    return () => {
      live = false;
    };
  }, [schemeId, notify]);
  return rules;
};
