// Who may write what (the server enforces it, this only shapes the pages).
import { has, type Granted, type Permission } from '../permissions';
import type { Source } from './api';

const SOURCE_PERMISSION: Record<Source, Permission> = {
  SELF: 'INPUT_WRITE_SELF',
  MONITOR: 'INPUT_WRITE_MONITOR',
  REVIEW: 'INPUT_WRITE_REVIEW',
};

/** The sources the caller may enter, in the order SELF, MONITOR, REVIEW. */
export const writableSources = (granted: Granted): Source[] =>
  (['SELF', 'MONITOR', 'REVIEW'] as const).filter(s => has(granted, SOURCE_PERMISSION[s]));

/** REVIEW values (settling discrepancies) and ballot counts: the assessment team and administrators. */
export const canReview = (granted: Granted): boolean => writableSources(granted).includes('REVIEW');
