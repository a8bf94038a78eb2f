import { Menu as RaMenu, usePermissions } from 'react-admin';
import type { Role } from '../session';
import { canUse } from '../roles';
import { DataEntryMenuItems } from '../dataEntry';
import { AdminMenuItems } from '../audit';
import { DeadlineMenuItems } from '../deadlines';

/** Only what the role may use. */
const Menu = () => {
  const { permissions } = usePermissions<Role>();
  return (
    <RaMenu>
      <RaMenu.DashboardItem />
      {canUse(permissions, 'tenants') && <RaMenu.ResourceItem name="tenants" />}
      {canUse(permissions, 'schemes') && <RaMenu.ResourceItem name="schemes" />}
      {canUse(permissions, 'subjects') && <RaMenu.ResourceItem name="subjects" />}
      {canUse(permissions, 'results') && <RaMenu.ResourceItem name="results" />}
      {canUse(permissions, 'adjustments') && <RaMenu.ResourceItem name="adjustments" />}
      <DataEntryMenuItems role={permissions} />
      <DeadlineMenuItems role={permissions} />
      {canUse(permissions, 'users') && <RaMenu.ResourceItem name="users" />}
      {canUse(permissions, 'departments') && <RaMenu.ResourceItem name="departments" />}
      {canUse(permissions, 'apiKeys') && <RaMenu.ResourceItem name="apiKeys" />}
      <AdminMenuItems role={permissions} />
    </RaMenu>
  );
};

export default Menu;
