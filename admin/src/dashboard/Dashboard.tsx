import { Alert, Card, CardContent, CardHeader, Stack, Typography } from '@mui/material';
import { Title, useGetIdentity, usePermissions, useTranslate } from 'react-admin';
import { currentTenant } from '../session';

/** Placeholder workbench: who is signed in, in which tenant. Later work adds the real widgets. */
const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const { permissions } = usePermissions<string>();
  const tenant = currentTenant();
  return (
    <Stack spacing={2} sx={{ mt: 2 }}>
      <Title title="kaoping.dashboard.title" />
      <Card>
        <CardHeader
          title={translate('kaoping.dashboard.title')}
          subheader={identity ? translate('kaoping.dashboard.welcome', { name: identity.fullName }) : ' '}
        />
        <CardContent>
          <Typography data-testid="dashboard-user">
            {translate('kaoping.dashboard.signed_in_as')}{identity?.fullName} &lt;{(identity as { email?: string } | undefined)?.email}&gt;
          </Typography>
          <Typography data-testid="dashboard-role">
            {translate('kaoping.dashboard.role')}{permissions ? translate(`roles.${permissions}`) : ''}
          </Typography>
          <Typography data-testid="dashboard-tenant">
            {translate('kaoping.dashboard.tenant')}{tenant ?? translate('kaoping.dashboard.no_tenant')}
          </Typography>
        </CardContent>
      </Card>
      {permissions === 'PLATFORM_ADMIN' && !tenant && <Alert severity="info">{translate('kaoping.dashboard.platform_hint')}</Alert>}
      <Alert severity="info" variant="outlined">
        {translate('kaoping.dashboard.next_steps')}
      </Alert>
    </Stack>
  );
};

export default Dashboard;
