// Data entry's routes and menu items (lazily loaded pages, so the first load stays small).
import BallotIcon from '@mui/icons-material/HowToVote';
import CompareIcon from '@mui/icons-material/CompareArrows';
import GridIcon from '@mui/icons-material/GridOn';
import { lazy, Suspense } from 'react';
import { Loading, Menu, useTranslate } from 'react-admin';
import { Route } from 'react-router-dom';
import { canUse } from '../roles';
import type { Role } from '../session';

const DataEntryPage = lazy(() => import('./DataEntryPage'));
const DiscrepancyPage = lazy(() => import('./DiscrepancyPage'));
const BallotPage = lazy(() => import('./BallotPage'));

const page = (Page: React.ComponentType) => (
  <Suspense fallback={<Loading />}>
    <Page />
  </Suspense>
);

/** <Route>s for <CustomRoutes>, only those the role may use. */
export const dataEntryRoutes = (role: Role | undefined) => [
  canUse(role, 'dataEntry') && <Route key="data-entry" path="/data-entry" element={page(DataEntryPage)} />,
  canUse(role, 'discrepancies') && <Route key="discrepancies" path="/discrepancies" element={page(DiscrepancyPage)} />,
  canUse(role, 'ballots') && <Route key="ballots" path="/ballots" element={page(BallotPage)} />,
];

export const DataEntryMenuItems = ({ role }: { role: Role | undefined }) => {
  const translate = useTranslate();
  return (
    <>
      {canUse(role, 'dataEntry') && <Menu.Item to="/data-entry" primaryText={translate('dataEntry.menu.grid')} leftIcon={<GridIcon />} />}
      {canUse(role, 'discrepancies') && <Menu.Item to="/discrepancies" primaryText={translate('dataEntry.menu.discrepancies')} leftIcon={<CompareIcon />} />}
      {canUse(role, 'ballots') && <Menu.Item to="/ballots" primaryText={translate('dataEntry.menu.ballots')} leftIcon={<BallotIcon />} />}
    </>
  );
};
