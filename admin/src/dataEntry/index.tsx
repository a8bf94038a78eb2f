// Data entry's routes and menu items (lazily loaded pages, so the first load stays small).
import BallotIcon from '@mui/icons-material/HowToVote';
import CompareIcon from '@mui/icons-material/CompareArrows';
import GridIcon from '@mui/icons-material/GridOn';
import { lazy, Suspense } from 'react';
import { Loading, Menu, useTranslate } from 'react-admin';
import { Route } from 'react-router-dom';
import { has, type Granted } from '../permissions';

const DataEntryPage = lazy(() => import('./DataEntryPage'));
const DiscrepancyPage = lazy(() => import('./DiscrepancyPage'));
const BallotPage = lazy(() => import('./BallotPage'));

const page = (Page: React.ComponentType) => (
  <Suspense fallback={<Loading />}>
    <Page />
  </Suspense>
);

/** <Route>s for <CustomRoutes>, only those the caller may use. */
export const dataEntryRoutes = (granted: Granted) => [
  has(granted, 'DATA_READ') && <Route key="data-entry" path="/data-entry" element={page(DataEntryPage)} />,
  has(granted, 'DISCREPANCY_READ') && (
    <Route key="discrepancies" path="/discrepancies" element={page(DiscrepancyPage)} />
  ),
  has(granted, 'BALLOT_WRITE') && <Route key="ballots" path="/ballots" element={page(BallotPage)} />,
];

export const DataEntryMenuItems = ({ granted }: { granted: Granted }) => {
  const translate = useTranslate();
  return (
    <>
      {has(granted, 'DATA_READ') && (
        <Menu.Item to="/data-entry" primaryText={translate('dataEntry.menu.grid')} leftIcon={<GridIcon />} />
      )}
      {has(granted, 'DISCREPANCY_READ') && (
        <Menu.Item
          to="/discrepancies"
          primaryText={translate('dataEntry.menu.discrepancies')}
          leftIcon={<CompareIcon />}
        />
      )}
      {has(granted, 'BALLOT_WRITE') && (
        <Menu.Item to="/ballots" primaryText={translate('dataEntry.menu.ballots')} leftIcon={<BallotIcon />} />
      )}
    </>
  );
};
