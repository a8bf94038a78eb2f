import { lazy } from 'react';
import AccountTreeIcon from '@mui/icons-material/AccountTree';

export default {
  list: lazy(() => import('./SchemeList')),
  show: lazy(() => import('./SchemeShow')),
  icon: AccountTreeIcon,
  recordRepresentation: (record: { code?: string; name?: string }) => record.name || record.code || '',
};
