import { useCan } from '../permissions';
import { ownUnitOnly } from '../session';

/** Who may do what with adjustments (the server enforces it; this only shapes the buttons). */
export const useAdjustmentRights = () => {
  const can = useCan();
  return {
    claim: can('ADJUSTMENT_CLAIM'),
    decide: can('ADJUSTMENT_VERIFY'),
    ownUnitOnly: ownUnitOnly(),
    deleteAnyEvidence: can('EVIDENCE_DELETE_ANY'),
  };
};
