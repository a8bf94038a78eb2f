import { usePermissions } from 'react-admin';
import { getActingTenant, type Role } from '../session';
import type { Step } from './api';

/** A tenant ADMIN, or a platform admin inside a tenant, acts as ADMIN. */
const effectiveRole = (role: Role | undefined): Role | undefined =>
  role === 'PLATFORM_ADMIN' ? (getActingTenant() ? 'ADMIN' : undefined) : role;

/** Who may do what with results (the server enforces it; this only shapes the buttons). */
export const useResultRights = () => {
  const { permissions } = usePermissions<Role>();
  const role = effectiveRole(permissions);
  return {
    compute: role === 'ADMIN' || role === 'ASSESSOR',
    step: (step: Step): boolean => (step === 'publish' ? role === 'ADMIN' : role === 'ADMIN' || role === 'LEADER'),
  };
};
