import { useCan, type Permission } from '../permissions';
import { NEXT_STEP, type RunStatus, type Step } from './api';

const STEP_PERMISSION: Record<Step, Permission> = {
  review: 'RESULT_REVIEW',
  approve: 'RESULT_APPROVE',
  publish: 'RESULT_PUBLISH',
};

/** Who may do what with results (the server enforces it; this only shapes the buttons). */
export const useResultRights = () => {
  const can = useCan();
  const step = (s: Step): boolean => can(STEP_PERMISSION[s]);
  return {
    compute: can('RESULT_COMPUTE'),
    step,
    /** Sending a run back belongs to whoever may take its next step. */
    reject: (status: RunStatus): boolean => {
      const next = NEXT_STEP[status];
      return !!next && step(next);
    },
  };
};
