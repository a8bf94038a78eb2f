import { lazy } from 'react';
import VpnKeyIcon from '@mui/icons-material/VpnKey';

export default {
  list: lazy(() => import('./ApiKeyList')),
  create: lazy(() => import('./ApiKeyCreate')),
  icon: VpnKeyIcon,
  recordRepresentation: 'name',
};
