// The inbox's route (消息), lazily loaded, for tenant users (a platform administrator has none).
import { lazy, Suspense } from 'react';
import { Loading } from 'react-admin';
import { Route } from 'react-router-dom';
import { has, type Granted } from '../permissions';
import { getUser } from '../session';

const InboxPage = lazy(() => import('./InboxPage'));

/** A tenant user's own inbox: a platform administrator acting in a tenant has none. */
export const hasInbox = (granted: Granted) => has(granted, 'INBOX_READ') && getUser()?.role !== 'PLATFORM_ADMIN';

export const inboxRoutes = (granted: Granted) =>
  hasInbox(granted)
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
