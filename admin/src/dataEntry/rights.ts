// Who may write what (domain.md; the server enforces it, this only shapes the pages).
import { tenantRole } from '../roles';
import type { Role } from '../session';
import type { Source } from './api';

/** ADMIN (or a platform admin inside a tenant) any source; UNIT SELF; MONITOR MONITOR; ASSESSOR REVIEW. */
export const writableSources = (role: Role | undefined): Source[] => {
  const acting = tenantRole(role);
  if (acting === 'ADMIN') return ['SELF', 'MONITOR', 'REVIEW'];
  if (acting === 'UNIT') return ['SELF'];
  if (acting === 'MONITOR') return ['MONITOR'];
  if (acting === 'ASSESSOR') return ['REVIEW'];
  return [];
};

/** REVIEW values (settling discrepancies) and ballot counts: the assessment team and administrators. */
export const canReview = (role: Role | undefined): boolean => writableSources(role).includes('REVIEW');
