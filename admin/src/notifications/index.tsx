// The inbox's route (消息), lazily loaded, for tenant users (a platform administrator has none).
import { lazy, Suspense } from 'react';
import { Loading } from 'react-admin';
import { Route } from 'react-router-dom';
import type { Role } from '../session';

const InboxPage = lazy(() => import('./InboxPage'));

export const inboxRoutes = (role: Role | undefined) =>
  role && role !== 'PLATFORM_ADMIN'
    ? [
        <Route
          key="inbox"
          path="/inbox"
          element={
            <Suspense fallback={<Loading />}>
              <InboxPage />
            </Suspense>
          }
        />,
      ]
    : [];
