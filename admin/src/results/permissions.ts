import { usePermissions } from 'react-admin';
import { tenantRole } from '../roles';
import type { Role } from '../session';
import { NEXT_STEP, type RunStatus, type Step } from './api';

/** Who may do what with results (the server enforces it; this only shapes the buttons). */
export const useResultRights = () => {
  const { permissions } = usePermissions<Role>();
  const role = tenantRole(permissions);
  const step = (s: Step): boolean => (s === 'publish' ? role === 'ADMIN' : role === 'ADMIN' || role === 'LEADER');
  return {
    compute: role === 'ADMIN' || role === 'ASSESSOR',
    step,
    /** Sending a run back belongs to whoever may take its next step. */
    reject: (status: RunStatus): boolean => {
      const next = NEXT_STEP[status];
      return !!next && step(next);
    },
  };
};
