import { usePermissions } from 'react-admin';
import { getActingTenant, type Role } from '../session';

/** A tenant ADMIN, or a platform admin inside a tenant, acts as ADMIN. */
const effectiveRole = (role: Role | undefined): Role | undefined => (role === 'PLATFORM_ADMIN' ? (getActingTenant() ? 'ADMIN' : undefined) : role);

/** Who may do what with adjustments (server: claim ADMIN/ASSESSOR/UNIT, verify/reject ADMIN/ASSESSOR). */
export const useAdjustmentRights = () => {
  const { permissions } = usePermissions<Role>();
  const role = effectiveRole(permissions);
  return {
    role,
    claim: role === 'ADMIN' || role === 'ASSESSOR' || role === 'UNIT',
    decide: role === 'ADMIN' || role === 'ASSESSOR',
  };
};
