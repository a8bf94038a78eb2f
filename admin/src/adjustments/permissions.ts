import { usePermissions } from 'react-admin';
import { tenantRole } from '../roles';
import type { Role } from '../session';

/** Who may do what with adjustments (server: claim ADMIN/ASSESSOR/UNIT, verify/reject ADMIN/ASSESSOR). */
export const useAdjustmentRights = () => {
  const { permissions } = usePermissions<Role>();
  const role = tenantRole(permissions);
  return {
    role,
    claim: role === 'ADMIN' || role === 'ASSESSOR' || role === 'UNIT',
    decide: role === 'ADMIN' || role === 'ASSESSOR',
  };
};
