import { lazy } from 'react';
import PeopleIcon from '@mui/icons-material/People';

export default {
  list: lazy(() => import('./UserList')),
  create: lazy(() => import('./UserCreate')),
  edit: lazy(() => import('./UserEdit')),
  icon: PeopleIcon,
  recordRepresentation: (record: { name?: string; email?: string }) => record.name || record.email || '',
};
