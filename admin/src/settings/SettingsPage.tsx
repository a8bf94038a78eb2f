// 租户设置: the tenant's settings (separation of duties for result runs; the time zone of deadlines and
// the reminder lead). ADMIN only (the server enforces it).
import {
  Alert,
  Button,
  Card,
  CardContent,
  CircularProgress,
  FormControlLabel,
  MenuItem,
  Stack,
  Switch,
  TextField,
  Typography,
} from '@mui/material';
import { useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { Title, useNotify, useTranslate } from 'react-admin';
import { readKey, useRead } from '../dataProvider/useRead';
import type { TenantSettingsInput } from '../generated/graphql';
import { updateTenantSettings } from './api';
// the browser's IANA zones, Asia/Shanghai first
const ZONES = [
  'Asia/Shanghai',
  ...((Intl as { supportedValuesOf?: (k: string) => string[] }).supportedValuesOf?.('timeZone') ?? []).filter(
    z => z !== 'Asia/Shanghai',
  ),
];

const SettingsPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const read = useRead('tenantSettings', {});
  const settings = read.data ?? null;
  const error = read.error?.message ?? null;
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [zone, setZone] = useState('');
  const [days, setDays] = useState('');
  useEffect(() => {
    if (settings) {
      setZone(settings.timeZone);
      setDays(String(settings.reminderDays));
    }
  }, [settings]);
  const toggle = (on: boolean) => save({ separationOfDuties: on });
  const save = async (input: TenantSettingsInput) => {
    setBusy(true);
    try {
      // The answer is the settings as stored: shown at once, as the read would answer.
      queryClient.setQueryData(readKey('tenantSettings', {}), await updateTenantSettings(input));
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
              control={
                <Switch
                  checked={settings.separationOfDuties}
                  disabled={busy}
                  onChange={e => void toggle(e.target.checked)}
                  data-testid="separation-of-duties"
                />
              }
              label={translate('kaoping.settings.separation')}
            />
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1, maxWidth: 720 }}>
              {translate('kaoping.settings.separation_help')}
            </Typography>
            <Stack direction="row" spacing={2} useFlexGap sx={{ mt: 3, flexWrap: 'wrap', alignItems: 'center' }}>
              <TextField
                fullWidth={false}
                select
                size="small"
                label={translate('kaoping.settings.time_zone')}
                value={zone}
                onChange={e => setZone(e.target.value)}
                sx={{ minWidth: 240 }}
              >
                {(ZONES.includes(zone) || !zone ? ZONES : [zone, ...ZONES]).map(z => (
                  <MenuItem key={z} value={z}>
                    {z}
                  </MenuItem>
                ))}
              </TextField>
              <TextField
                fullWidth={false}
                type="number"
                size="small"
                label={translate('kaoping.settings.reminder_days')}
                value={days}
                onChange={e => setDays(e.target.value)}
                slotProps={{ htmlInput: { min: 0, max: 60 } }}
                sx={{ width: 160 }}
              />
              <Button
                variant="outlined"
                disabled={busy || (zone === settings.timeZone && days === String(settings.reminderDays))}
                onClick={() => void save({ timeZone: zone, reminderDays: Number(days) })}
              >
                {translate('kaoping.settings.save')}
              </Button>
            </Stack>
            <Typography variant="body2" color="text.secondary" sx={{ mt: 1, maxWidth: 720 }}>
              {translate('kaoping.settings.deadline_help')}
            </Typography>
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
