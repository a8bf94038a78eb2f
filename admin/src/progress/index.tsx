// The progress page's route and menu item (lazily loaded).
import TimelineIcon from '@mui/icons-material/Timeline';
import { lazy, Suspense } from 'react';
import { Loading, Menu, useTranslate } from 'react-admin';
import { Route } from 'react-router-dom';
import { has, type Granted } from '../permissions';

const ProgressPage = lazy(() => import('./ProgressPage'));

/** <Route>s for <CustomRoutes>: `#/progress`, for every role that reads inputs. */
export const progressRoutes = (granted: Granted) => [
  has(granted, 'DATA_READ') && (
    <Route
      key="progress"
      path="/progress"
      element={
        <Suspense fallback={<Loading />}>
          <ProgressPage />
        </Suspense>
      }
    />
  ),
];

export const ProgressMenuItem = ({ granted }: { granted: Granted }) => {
  const translate = useTranslate();
  return has(granted, 'DATA_READ') ? (
    <Menu.Item to="/progress" primaryText={translate('progress.menu')} leftIcon={<TimelineIcon />} />
  ) : null;
};
