import { lazy } from 'react';
import { Admin, CustomRoutes, Resource, localStorageStore } from 'react-admin';
import { authProvider } from './authProvider';
import { dataProvider } from './dataProvider';
import { i18nProvider } from './i18n';
import Layout from './layout/Layout';
import LoginPage from './login/LoginPage';
import { has, type Granted } from './permissions';
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
import { progressRoutes } from './progress';
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
    {(granted: Granted) => [
      has(granted, 'TENANT_MANAGE') && <Resource key="tenants" name="tenants" {...tenants} />,
      has(granted, 'SCHEME_READ') && <Resource key="schemes" name="schemes" {...schemes} />,
      has(granted, 'DATA_READ') && <Resource key="subjects" name="subjects" {...subjects} />,
      has(granted, 'RESULT_READ') && <Resource key="results" name="results" {...results} />,
      has(granted, 'DATA_READ') && <Resource key="adjustments" name="adjustments" {...adjustments} />,
      has(granted, 'USER_MANAGE') && <Resource key="users" name="users" {...users} />,
      has(granted, 'DEPARTMENT_MANAGE') && <Resource key="departments" name="departments" {...departments} />,
      has(granted, 'API_KEY_MANAGE') && <Resource key="apiKeys" name="apiKeys" {...apiKeys} />,
      <CustomRoutes key="dataEntry">{dataEntryRoutes(granted)}</CustomRoutes>,
      <CustomRoutes key="admin">{adminRoutes(granted)}</CustomRoutes>,
      <CustomRoutes key="feedback" noLayout>
        {feedbackRoutes(granted)}
      </CustomRoutes>,
      <CustomRoutes key="whatif">{whatIfRoutes(granted)}</CustomRoutes>,
      <CustomRoutes key="progress">{progressRoutes(granted)}</CustomRoutes>,
      <CustomRoutes key="inbox">{inboxRoutes(granted)}</CustomRoutes>,
      <CustomRoutes key="deadlines">{deadlineRoutes(granted)}</CustomRoutes>,
    ]}
  </Admin>
);

export default App;
