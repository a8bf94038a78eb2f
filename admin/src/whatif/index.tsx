// The what-if page's route (lazily loaded: it brings the engine and recharts).
import { lazy, Suspense } from 'react';
import { Loading } from 'react-admin';
import { Route } from 'react-router-dom';
import type { Granted } from '../permissions';
import { canSimulate } from './permissions';

const WhatIfPage = lazy(() => import('./WhatIfPage'));

/** <Route>s for <CustomRoutes>: `#/whatif/<schemeId>[?from=<schemeId whose data>]`. */
export const whatIfRoutes = (granted: Granted) => [
  canSimulate(granted) && (
    <Route
      key="whatif"
      path="/whatif/:id"
      element={
        <Suspense fallback={<Loading />}>
          <WhatIfPage />
        </Suspense>
      }
    />
  ),
];
