import { Chip, Typography } from '@mui/material';
import { AppBar as RaAppBar, LoadingIndicator, LocalesMenuButton, TitlePortal, usePermissions, useTranslate } from 'react-admin';
import { getActingTenant } from '../session';

/** Title, the tenant a platform admin acts in (click to leave it), locale menu, user menu. */
const ActingTenant = () => {
  const { permissions } = usePermissions();
  const translate = useTranslate();
  const code = getActingTenant();
  if (permissions !== 'PLATFORM_ADMIN' || !code) return null;
  return (
    <Chip
      color="warning"
      size="small"
      sx={{ mr: 1 }}
      label={translate('kaoping.tenant.acting', { code })}
      onDelete={() => import('../tenants/SwitchIntoTenantButton').then(m => m.switchIntoTenant(null))}
      title={translate('kaoping.tenant.leave')}
    />
  );
};

const AppBar = () => {
  const translate = useTranslate();
  return (
    <RaAppBar
      toolbar={
        <>
          <ActingTenant />
          <LocalesMenuButton />
          <LoadingIndicator />
        </>
      }
    >
      <Typography variant="h6" sx={{ mr: 2, whiteSpace: 'nowrap' }}>
        {translate('kaoping.app.title')}
      </Typography>
      <TitlePortal />
    </RaAppBar>
  );
};

export default AppBar;
