import { usePermissions } from 'react-admin';
import { tenantRole } from '../roles';
import type { Role } from '../session';
import type { Step } from './api';

/** Who may do what with results (the server enforces it; this only shapes the buttons). */
export const useResultRights = () => {
  const { permissions } = usePermissions<Role>();
  const role = tenantRole(permissions);
  return {
    compute: role === 'ADMIN' || role === 'ASSESSOR',
    step: (step: Step): boolean => (step === 'publish' ? role === 'ADMIN' : role === 'ADMIN' || role === 'LEADER'),
  };
};
