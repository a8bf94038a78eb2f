import { Menu as RaMenu, usePermissions } from 'react-admin';
import { has } from '../permissions';
import { DataEntryMenuItems } from '../dataEntry';
import { AdminMenuItems } from '../audit';
import { ProgressMenuItem } from '../progress';
import { DeadlineMenuItems } from '../deadlines';

/** Only what the caller may use. */
const Menu = () => {
  const { permissions } = usePermissions<string[]>();
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      {has(permissions, 'TENANT_MANAGE') && <RaMenu.ResourceItem name="tenants" />}
      {has(permissions, 'SCHEME_READ') && <RaMenu.ResourceItem name="schemes" />}
      {has(permissions, 'DATA_READ') && <RaMenu.ResourceItem name="subjects" />}
      {has(permissions, 'RESULT_READ') && <RaMenu.ResourceItem name="results" />}
      {has(permissions, 'DATA_READ') && <RaMenu.ResourceItem name="adjustments" />}
      <DataEntryMenuItems granted={permissions} />
      <ProgressMenuItem granted={permissions} />
      <DeadlineMenuItems granted={permissions} />
      {has(permissions, 'USER_MANAGE') && <RaMenu.ResourceItem name="users" />}
      {has(permissions, 'DEPARTMENT_MANAGE') && <RaMenu.ResourceItem name="departments" />}
      {has(permissions, 'API_KEY_MANAGE') && <RaMenu.ResourceItem name="apiKeys" />}
      <AdminMenuItems granted={permissions} />
    </RaMenu>
  );
};

export default Menu;
