import { lazy } from 'react';
import GroupsIcon from '@mui/icons-material/Groups';

export default {
  list: lazy(() => import('./SubjectList')),
  create: lazy(() => import('./SubjectCreate')),
  edit: lazy(() => import('./SubjectEdit')),
  icon: GroupsIcon,
  recordRepresentation: (record: { code?: string; name?: string }) => record.name || record.code || '',
};
