import { lazy } from 'react';
import FactCheckIcon from '@mui/icons-material/FactCheck';

export default {
  list: lazy(() => import('./AdjustmentList')),
  icon: FactCheckIcon,
  recordRepresentation: (record: { subjectName?: string; ruleName?: string | null; rule?: string }) =>
    `${record.subjectName ?? ''} ${record.ruleName ?? record.rule ?? ''}`.trim(),
};
