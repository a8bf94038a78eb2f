// The progress page's route and menu item (lazily loaded).
import TimelineIcon from '@mui/icons-material/Timeline';
import { lazy, Suspense } from 'react';
import { Loading, Menu, useTranslate } from 'react-admin';
import { Route } from 'react-router-dom';
import { canUse } from '../roles';
import type { Role } from '../session';

const ProgressPage = lazy(() => import('./ProgressPage'));

/** <Route>s for <CustomRoutes>: `#/progress`, for every role that reads inputs. */
export const progressRoutes = (role: Role | undefined) => [
  canUse(role, 'progress') && <Route key="progress" path="/progress" element={<Suspense fallback={<Loading />}><ProgressPage /></Suspense>} />,
];

export const ProgressMenuItem = ({ role }: { role: Role | undefined }) => {
  const translate = useTranslate();
  return canUse(role, 'progress') ? <Menu.Item to="/progress" primaryText={translate('progress.menu')} leftIcon={<TimelineIcon />} /> : null;
};
