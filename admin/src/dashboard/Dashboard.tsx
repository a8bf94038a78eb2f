import { Alert, Box, Card, CardContent, CardHeader, Chip, Grid, Stack, TextField, Typography } from '@mui/material';
import { useState } from 'react';
import { Link, Title, useGetIdentity, useTranslate } from 'react-admin';
import { RunStatusChip } from '../results/status';
import { useCan } from '../permissions';
import { currentTenant, getUser } from '../session';
import { useRead } from '../dataProvider/useRead';
import { nextStep } from './api';
import Completeness from './Completeness';
import DepartmentCompleteness from './DepartmentCompleteness';
import Spinner from '../layout/Spinner';

const SCHEME_COLORS: Record<string, 'warning' | 'success' | 'default'> = {
  DRAFT: 'warning',
  PUBLISHED: 'success',
  CLOSED: 'default',
};

/** One count with a link to where the work is done. */
const Count = ({
  label,
  value,
  to,
  testId,
  hint,
}: {
  label: string;
  value: number;
  to: string;
  testId: string;
  hint?: string;
}) => (
  <Card variant="outlined" sx={{ height: '100%' }}>
    <CardContent>
      <Typography variant="body2" color="text.secondary">
        {label}
      </Typography>
      <Link to={to} underline="hover" data-testid={testId} sx={{ fontSize: 32, fontWeight: 600 }}>
        {value}
      </Link>
      {hint && (
        <Typography variant="caption" color="text.secondary" component="div">
          {hint}
        </Typography>
      )}
    </CardContent>
  </Card>
);

/** Where the current year stands: the scheme, data completeness, open work and the newest run. */
const YearStatus = () => {
  const translate = useTranslate();
  const can = useCan();
  const [schemeId, setSchemeId] = useState<string | undefined>(undefined);
  // Another scheme picked: the last one stays on screen until its figures arrive.
  const { data, error } = useRead('dashboard', { schemeId }, { keepPrevious: true });

  if (error) return <Alert severity="error">{error.message}</Alert>;
  if (!data) {
    return (
      <Box sx={{ p: 3, textAlign: 'center' }}>
        <Spinner size={24} />
      </Box>
    );
  }
  if (!data.scheme) return <Alert severity="info">{translate('kaoping.dashboard.no_scheme')}</Alert>;
  const scheme = data.scheme;
  const next = nextStep(data);
  const yourTurn = next.permission !== undefined && can(next.permission);
  const claimedFilter = encodeURIComponent(JSON.stringify({ schemeId: scheme.id, status: 'CLAIMED' }));
  return (
    <Stack spacing={2} data-testid="dashboard-year">
      <Card>
        <CardHeader
          title={translate('kaoping.dashboard.scheme_title', { year: scheme.year })}
          action={
            data.schemes.length > 1 && (
              <TextField
                select
                size="small"
                label={translate('kaoping.dashboard.choose_scheme')}
                value={scheme.id}
                onChange={e => setSchemeId(e.target.value)}
                slotProps={{ select: { native: true }, htmlInput: { 'data-testid': 'dashboard-scheme-select' } }}
                sx={{ minWidth: 260 }}
              >
                {data.schemes.map(s => (
                  <option key={s.id} value={s.id}>
                    {s.year}{' '}
                    {translate('kaoping.fmt.named', {
                      name: s.name,
                      code: translate(`kaoping.scheme.status.${s.status}`),
                    })}
                  </option>
                ))}
              </TextField>
            )
          }
        />
        <CardContent>
          <Stack
            direction="row"
            spacing={1}
            useFlexGap
            sx={{ alignItems: 'center', flexWrap: 'wrap' }}
            data-testid="dashboard-scheme"
          >
            <Link to={`/schemes/${encodeURIComponent(scheme.id)}/show`} underline="hover" variant="h6">
              {scheme.name}
            </Link>
            <Typography color="text.secondary">{scheme.code}</Typography>
            <Chip
              size="small"
              color={SCHEME_COLORS[scheme.status]}
              label={translate(`kaoping.scheme.status.${scheme.status}`)}
            />
          </Stack>
        </CardContent>
      </Card>

      <Grid container spacing={2}>
        {data.openDiscrepancies !== null && (
          <Grid size={{ xs: 12, md: 4 }}>
            <Count
              label={translate('kaoping.dashboard.open_discrepancies')}
              value={data.openDiscrepancies}
              to="/discrepancies"
              testId="dashboard-discrepancies"
              hint={translate('kaoping.dashboard.discrepancies_hint', { total: data.discrepancies ?? 0 })}
            />
          </Grid>
        )}
        <Grid size={{ xs: 12, md: 4 }}>
          <Count
            label={translate('kaoping.dashboard.claimed_adjustments')}
            value={data.claimedAdjustments}
            to={`/adjustments?filter=${claimedFilter}`}
            testId="dashboard-claimed"
            hint={translate('kaoping.dashboard.claimed_hint')}
          />
        </Grid>
        <Grid size={{ xs: 12, md: 4 }}>
          <Card variant="outlined" sx={{ height: '100%' }} data-testid="dashboard-run">
            <CardContent>
              <Typography variant="body2" color="text.secondary">
                {translate('kaoping.dashboard.latest_run')}
              </Typography>
              {data.latestRun ? (
                <Stack direction="row" spacing={1} sx={{ alignItems: 'center', my: 1 }}>
                  <Link to={`/results/${encodeURIComponent(data.latestRun.id)}/show`} underline="none">
                    <RunStatusChip status={data.latestRun.status} />
                  </Link>
                  <Typography variant="caption" color="text.secondary">
                    {new Date(data.latestRun.createdAt).toLocaleString()}
                  </Typography>
                </Stack>
              ) : (
                <Typography sx={{ my: 1 }}>{translate('kaoping.dashboard.no_run')}</Typography>
              )}
              <Typography variant="body2" data-testid="dashboard-next-step">
                {translate('kaoping.dashboard.next_step')}
                {translate(`kaoping.dashboard.step.${next.step}`)}
                {next.roles.length > 0 &&
                  translate('kaoping.dashboard.by_roles', {
                    roles: next.roles.map(r => translate(`roles.${r}`)).join(translate('kaoping.dashboard.or')),
                  })}
              </Typography>
              {yourTurn && (
                <Chip
                  size="small"
                  color="primary"
                  sx={{ mt: 1 }}
                  label={translate('kaoping.dashboard.your_turn')}
                  data-testid="dashboard-your-turn"
                />
              )}
            </CardContent>
          </Card>
        </Grid>
      </Grid>

      <Card>
        <CardHeader
          title={translate('kaoping.dashboard.completeness.title')}
          subheader={translate('kaoping.dashboard.completeness.subtitle')}
        />
        <CardContent sx={{ overflowX: 'auto' }}>
          <Completeness groups={data.completeness} />
        </CardContent>
      </Card>

      {data.departments.some(d => d.indicators > 0) && (
        <Card>
          <CardHeader
            title={translate('kaoping.dashboard.departments.title')}
            subheader={translate('kaoping.dashboard.departments.subtitle')}
          />
          <CardContent sx={{ overflowX: 'auto' }}>
            <DepartmentCompleteness departments={data.departments} />
          </CardContent>
        </Card>
      )}
    </Stack>
  );
};

/** The workbench: who is signed in, in which tenant, and where the year stands there. */
const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  const role = getUser()?.role;
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
            {translate('kaoping.dashboard.signed_in_as')}
            {identity?.fullName} &lt;{(identity as { email?: string } | undefined)?.email}&gt;
          </Typography>
          <Typography data-testid="dashboard-role">
            {translate('kaoping.dashboard.role')}
            {role ? translate(`roles.${role}`) : ''}
          </Typography>
          <Typography data-testid="dashboard-tenant">
            {translate('kaoping.dashboard.tenant')}
            {tenant ?? translate('kaoping.dashboard.no_tenant')}
          </Typography>
        </CardContent>
      </Card>
      {role === 'PLATFORM_ADMIN' && !tenant && (
        <Alert severity="info">{translate('kaoping.dashboard.platform_hint')}</Alert>
      )}
      {tenant && role && <YearStatus />}
    </Stack>
  );
};

export default Dashboard;
