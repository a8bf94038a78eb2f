import { usePermissions } from 'react-admin';
import { tenantRole } from '../roles';
import type { Role } from '../session';

/** Who runs what-if simulations (the server's SIMULATORS): ADMIN, ASSESSOR and LEADER. */
export const canSimulate = (role: Role | undefined): boolean => ['ADMIN', 'ASSESSOR', 'LEADER'].includes(tenantRole(role) ?? '');

export const useCanSimulate = (): boolean => canSimulate(usePermissions<Role>().permissions);
