// What the caller may do, as the server grants it (`me { permissions }`, its one permissions table).
// The console keeps no role lists: menus, pages and buttons ask for a permission. The server
// enforces every one of them; here they only shape what is offered.
import { usePermissions } from 'react-admin';

export type Permission =
  | 'TENANT_MANAGE'
  | 'TENANT_READ'
  | 'CURRENT_TENANT_READ'
  | 'SETTINGS_READ'
  | 'SETTINGS_EDIT'
  | 'USER_MANAGE'
  | 'AUDIT_READ'
  | 'API_KEY_MANAGE'
  | 'API_KEY_GRANT_RESULTS'
  | 'API_KEY_GRANT_SCHEMES'
  | 'WEBHOOK_MANAGE'
  | 'SCHEME_READ'
  | 'SCHEME_EDIT'
  | 'SCHEME_PUBLISH'
  | 'SUBJECT_EDIT'
  | 'DEPARTMENT_MANAGE'
  | 'DATA_READ'
  | 'DEADLINE_MANAGE'
  | 'DEADLINE_BYPASS'
  | 'NOT_SUBMITTED_READ'
  | 'INBOX_READ'
  | 'DISCREPANCY_READ'
  | 'INPUT_WRITE'
  | 'INPUT_WRITE_SELF'
  | 'INPUT_WRITE_MONITOR'
  | 'INPUT_WRITE_REVIEW'
  | 'DATASET_IMPORT'
  | 'BALLOT_WRITE'
  | 'ADJUSTMENT_CLAIM'
  | 'ADJUSTMENT_VERIFY'
  | 'EVIDENCE_ATTACH'
  | 'EVIDENCE_DELETE_ANY'
  | 'SIMULATE'
  | 'RESULT_READ'
  | 'RESULT_READ_UNPUBLISHED'
  | 'RESULT_COMPUTE'
  | 'RESULT_REVIEW'
  | 'RESULT_APPROVE'
  | 'RESULT_PUBLISH';

/** What `authProvider.getPermissions` gives: the granted permissions (undefined while loading). */
export type Granted = readonly string[] | undefined;

export const has = (granted: Granted, p: Permission): boolean => !!granted?.includes(p);

/** `can('X')` for the signed-in caller in the tenant the console acts in. */
export const useCan = (): ((p: Permission) => boolean) => {
  const { permissions } = usePermissions<string[]>();
  return (p: Permission) => has(permissions, p);
};
