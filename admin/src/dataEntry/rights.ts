// Who may write what (domain.md; the server enforces it, this only shapes the pages).
import { getActingTenant, type Role } from '../session';
import type { Source } from './api';

/** ADMIN (or a platform admin inside a tenant) any source; UNIT SELF; MONITOR MONITOR; ASSESSOR REVIEW. */
export const writableSources = (role: Role | undefined): Source[] => {
  if (role === 'ADMIN' || (role === 'PLATFORM_ADMIN' && getActingTenant())) return ['SELF', 'MONITOR', 'REVIEW'];
  if (role === 'UNIT') return ['SELF'];
  if (role === 'MONITOR') return ['MONITOR'];
  if (role === 'ASSESSOR') return ['REVIEW'];
  return [];
};

/** REVIEW values (settling discrepancies) and ballot counts: the assessment team and administrators. */
export const canReview = (role: Role | undefined): boolean => writableSources(role).includes('REVIEW');
