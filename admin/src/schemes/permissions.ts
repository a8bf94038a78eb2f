import { usePermissions } from 'react-admin';
import { tenantRole } from '../roles';
import type { Role } from '../session';

/** Only a tenant's ADMIN (or a platform admin inside a tenant) changes schemes; the server enforces it. */
export const useCanManageSchemes = (): boolean => {
  const { permissions } = usePermissions<Role>();
  return tenantRole(permissions) === 'ADMIN';
};
