import { lazy } from 'react';
import ApartmentIcon from '@mui/icons-material/Apartment';

/** 部门: the tenant's functional departments (ADMIN). A scheme indicator's `owners` names them by code. */
export default {
  list: lazy(() => import('./DepartmentList')),
  create: lazy(() => import('./DepartmentCreate')),
  edit: lazy(() => import('./DepartmentEdit')),
  icon: ApartmentIcon,
  recordRepresentation: (record: { name?: string; code?: string }) => record.name || record.code || '',
};
