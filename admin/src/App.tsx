import { lazy } from 'react';
import { Admin, CustomRoutes, Resource, localStorageStore } from 'react-admin';
import { authProvider } from './authProvider';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import Layout from './layout/Layout';
import LoginPage from './login/LoginPage';
import { canUse } from './roles';
import type { Role } from './session';
import { theme } from './theme';
import tenants from './tenants';
import users from './users';
import departments from './departments';
import apiKeys from './apiKeys';
import schemes from './schemes';
import results from './results';
import subjects from './subjects';
import adjustments from './adjustments';
import { dataEntryRoutes } from './dataEntry';
import { adminRoutes } from './audit';
import { feedbackRoutes } from './feedback';
import { whatIfRoutes } from './whatif';
import { inboxRoutes } from './notifications';
import { deadlineRoutes } from './deadlines';

const Dashboard = lazy(() => import('./dashboard/Dashboard'));

const store = localStorageStore(undefined, 'kaoping');

const App = () => (
  <Admin
    title="考评 Kaoping"
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    store={store}
    layout={Layout}
    loginPage={LoginPage}
    dashboard={Dashboard}
    theme={theme}
    requireAuth
    disableTelemetry
  >
    {(role: Role | undefined) => [
      canUse(role, 'tenants') && <Resource key="tenants" name="tenants" {...tenants} />,
      canUse(role, 'schemes') && <Resource key="schemes" name="schemes" {...schemes} />,
      canUse(role, 'subjects') && <Resource key="subjects" name="subjects" {...subjects} />,
      canUse(role, 'results') && <Resource key="results" name="results" {...results} />,
      canUse(role, 'adjustments') && <Resource key="adjustments" name="adjustments" {...adjustments} />,
      canUse(role, 'users') && <Resource key="users" name="users" {...users} />,
      canUse(role, 'departments') && <Resource key="departments" name="departments" {...departments} />,
      canUse(role, 'apiKeys') && <Resource key="apiKeys" name="apiKeys" {...apiKeys} />,
      <CustomRoutes key="dataEntry">{dataEntryRoutes(role)}</CustomRoutes>,
      <CustomRoutes key="admin">{adminRoutes(role)}</CustomRoutes>,
      <CustomRoutes key="feedback" noLayout>{feedbackRoutes(role)}</CustomRoutes>,
      <CustomRoutes key="whatif">{whatIfRoutes(role)}</CustomRoutes>,
      <CustomRoutes key="inbox">{inboxRoutes(role)}</CustomRoutes>,
      <CustomRoutes key="deadlines">{deadlineRoutes(role)}</CustomRoutes>,
    ]}
  </Admin>
);

export default App;
