import { lazy } from 'react';
import AssessmentIcon from '@mui/icons-material/Assessment';

export default {
  list: lazy(() => import('./ResultList')),
  show: lazy(() => import('./ResultShow')),
  icon: AssessmentIcon,
  recordRepresentation: (record: { createdAt?: string }) =>
    record.createdAt ? new Date(record.createdAt).toLocaleString() : '',
};
