// The not-submitted list's route and menu item (未报送名单), for the roles that may read it.
import ListIcon from '@mui/icons-material/AssignmentLate';
import { lazy, Suspense } from 'react';
import { Loading, Menu, useTranslate } from 'react-admin';
import { Route } from 'react-router-dom';
import { tenantRole } from '../roles';
import type { Role } from '../session';

const NotSubmittedPage = lazy(() => import('./NotSubmittedPage'));

const allowed = (role: Role | undefined) => ['ADMIN', 'ASSESSOR', 'LEADER', 'VIEWER'].includes(tenantRole(role) ?? '');

export const deadlineRoutes = (role: Role | undefined) =>
  allowed(role)
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

export const DeadlineMenuItems = ({ role }: { role: Role | undefined }) => {
  const translate = useTranslate();
  if (!allowed(role)) return null;
  return <Menu.Item to="/not-submitted" primaryText={translate('kaoping.not_submitted.menu')} leftIcon={<ListIcon />} data-testid="menu-not-submitted" />;
};
