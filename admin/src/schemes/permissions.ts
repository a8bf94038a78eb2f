import { useCan } from '../permissions';

/** Who changes schemes (a tenant's ADMIN, or a platform admin inside a tenant); the server enforces it. */
export const useCanManageSchemes = (): boolean => useCan()('SCHEME_EDIT');
