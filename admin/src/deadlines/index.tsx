// The not-submitted list's route and menu item (未报送名单), for the roles that may read it.
import ListIcon from '@mui/icons-material/AssignmentLate';
import { lazy, Suspense } from 'react';
import { Loading, Menu, useTranslate } from 'react-admin';
import { Route } from 'react-router-dom';
import { has, type Granted } from '../permissions';

const NotSubmittedPage = lazy(() => import('./NotSubmittedPage'));

const allowed = (granted: Granted) => has(granted, 'NOT_SUBMITTED_READ');

export const deadlineRoutes = (granted: Granted) =>
  allowed(granted)
    ? [
        <Route
          key="not-submitted"
          path="/not-submitted"
          element={
            <Suspense fallback={<Loading />}>
              <NotSubmittedPage />
            </Suspense>
          }
        />,
      ]
    : [];

export const DeadlineMenuItems = ({ granted }: { granted: Granted }) => {
  const translate = useTranslate();
  if (!allowed(granted)) return null;
  return (
    <Menu.Item
      to="/not-submitted"
      primaryText={translate('kaoping.not_submitted.menu')}
      leftIcon={<ListIcon />}
      data-testid="menu-not-submitted"
    />
  );
};
