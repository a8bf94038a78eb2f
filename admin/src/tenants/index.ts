import { lazy } from 'react';
import ApartmentIcon from '@mui/icons-material/Apartment';

export default {
  list: lazy(() => import('./TenantList')),
  create: lazy(() => import('./TenantCreate')),
  edit: lazy(() => import('./TenantEdit')),
  icon: ApartmentIcon,
  recordRepresentation: (record: { name?: string; code?: string }) =>
    record.name ? `${record.name} (${record.code})` : (record.code ?? ''),
};
