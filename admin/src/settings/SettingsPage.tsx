// 租户设置: the tenant's settings (separation of duties for result runs). ADMIN only (the server enforces it).
import { Alert, Card, CardContent, CircularProgress, FormControlLabel, Switch, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { gqlFetch } from '../dataProvider/fetch';

interface TenantSettings { separationOfDuties: boolean; version: number; updatedAt: string | null }
const FIELDS = 'separationOfDuties version updatedAt';

const SettingsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [settings, setSettings] = useState<TenantSettings | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    gqlFetch<{ tenantSettings: TenantSettings }>(`query tenantSettings { tenantSettings { ${FIELDS} } }`).then(
      d => setSettings(d.tenantSettings),
      e => setError((e as Error).message),
    );
  }, []);
  const toggle = async (on: boolean) => {
    setBusy(true);
    try {
      const d = await gqlFetch<{ updateTenantSettings: TenantSettings }>(
        `mutation updateTenantSettings($on: Boolean) { updateTenantSettings(input: { separationOfDuties: $on }) { ${FIELDS} } }`,
        { on },
      );
      setSettings(d.updateTenantSettings);
      notify('kaoping.settings.saved', { type: 'info' });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card sx={{ mt: 1 }}>
      <Title title={translate('kaoping.settings.title')} />
      <CardContent>
        {error && <Alert severity="error">{error}</Alert>}
        {!settings && !error && <CircularProgress size={24} />}
        {settings && (
          <>
            <FormControlLabel
              control={<Switch checked={settings.separationOfDuties} disabled={busy} onChange={e => void toggle(e.target.checked)} data-testid="separation-of-duties" />}
              label={translate('kaoping.settings.separation')}
            />
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1, maxWidth: 720 }}>{translate('kaoping.settings.separation_help')}</Typography>
            {settings.updatedAt && (
              <Typography variant="caption" color="text.secondary" sx={{ display: 'block', mt: 2 }}>
                {translate('kaoping.settings.updated', { at: new Date(settings.updatedAt).toLocaleString() })}
              </Typography>
            )}
          </>
        )}
      </CardContent>
    </Card>
  );
};

export default SettingsPage;
