// A tenant without any scheme: start the year by importing a scheme file (JSON) or from the
// built-in district template. The validator's problems are listed on the page.
import AutoAwesomeIcon from '@mui/icons-material/AutoAwesome';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Card,
  CardActions,
  CardContent,
  LinearProgress,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useRef, useState, type ChangeEvent } from 'react';
import { Button, useNotify, useRedirect, useTranslate } from 'react-admin';
import ProblemList from '../schemes/ProblemList';
import { useCanManageSchemes } from '../schemes/permissions';
import { loadDistrictTemplate, retitle } from './template';
import { useSchemeImport } from './useSchemeImport';

const Onboarding = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const canManage = useCanManageSchemes();
  const input = useRef<HTMLInputElement>(null);
  const { busy, failure, importFile, importDefinition } = useSchemeImport();
  const thisYear = new Date().getFullYear();
  const [year, setYear] = useState(String(thisYear));
  const [code, setCode] = useState(`district-${thisYear}`);

  const done = (scheme: { id: string; code: string } | null) => {
    if (!scheme) return;
    notify('kaoping.scheme.imported', { type: 'info', messageArgs: { code: scheme.code } });
    redirect('show', 'schemes', scheme.id);
  };

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    const file = e.target.files?.[0];
    e.target.value = '';
    if (file) done(await importFile(file));
  };

  const fromTemplate = async () => {
    let template: Record<string, unknown>;
    try {
      template = await loadDistrictTemplate();
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
      return;
    }
    done(
      await importDefinition(
        retitle(template, { year: Number(year), code: code.trim() }),
        translate('onboarding.template_name'),
      ),
    );
  };

  if (!canManage) {
    return (
      <Alert severity="info" sx={{ m: 2 }} data-testid="onboarding">
        {translate('onboarding.ask_admin')}
      </Alert>
    );
  }
  const validYear = /^\d{4}$/.test(year);
  return (
    <Box sx={{ p: 2, maxWidth: 960 }} data-testid="onboarding">
      <Typography variant="h5" gutterBottom>
        {translate('onboarding.title')}
      </Typography>
      <Typography color="text.secondary" sx={{ mb: 2 }}>
        {translate('onboarding.intro')}
      </Typography>
      <Stack direction={{ xs: 'column', md: 'row' }} spacing={2}>
        <Card variant="outlined" sx={{ flex: 1 }}>
          <CardContent>
            <Typography variant="h6">{translate('onboarding.template_title')}</Typography>
            <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
              {translate('onboarding.template_text')}
            </Typography>
            <Stack direction="row" spacing={2}>
              <TextField
                size="small"
                type="number"
                label={translate('resources.schemes.fields.year')}
                value={year}
                onChange={e => (setYear(e.target.value), setCode(`district-${e.target.value}`))}
                slotProps={{ htmlInput: { 'data-testid': 'onboarding-year' } }}
              />
              <TextField
                size="small"
                label={translate('resources.schemes.fields.code')}
                value={code}
                onChange={e => setCode(e.target.value)}
                slotProps={{ htmlInput: { 'data-testid': 'onboarding-code' } }}
              />
            </Stack>
          </CardContent>
          <CardActions>
            <Button
              label="onboarding.template_start"
              variant="contained"
              disabled={busy || !validYear || !code.trim()}
              onClick={() => void fromTemplate()}
              data-testid="onboarding-template"
            >
              <AutoAwesomeIcon />
            </Button>
          </CardActions>
        </Card>
        <Card variant="outlined" sx={{ flex: 1 }}>
          <CardContent>
            <Typography variant="h6">{translate('onboarding.file_title')}</Typography>
            <Typography variant="body2" color="text.secondary">
              {translate('onboarding.file_text')}
            </Typography>
          </CardContent>
          <CardActions>
            <input
              ref={input}
              type="file"
              accept=".json,application/json"
              hidden
              data-testid="onboarding-file"
              onChange={e => void onFile(e)}
            />
            <Button
              label="kaoping.scheme.import"
              variant="outlined"
              disabled={busy}
              onClick={() => input.current?.click()}
            >
              <UploadFileIcon />
            </Button>
          </CardActions>
        </Card>
      </Stack>
      {busy && <LinearProgress sx={{ mt: 2 }} data-testid="onboarding-busy" />}
      {failure && (
        <Box sx={{ mt: 2 }} data-testid="onboarding-failure">
          <Alert severity="error">
            <b>{failure.title}</b>
            {failure.message ? <div>{failure.message}</div> : null}
          </Alert>
          {failure.problems.length > 0 && <ProblemList problems={failure.problems} testId="onboarding-problems" />}
        </Box>
      )}
      <Typography variant="subtitle2" sx={{ mt: 3 }}>
        {translate('onboarding.next_title')}
      </Typography>
      <Typography variant="body2" color="text.secondary" component="ol" sx={{ pl: 3, mt: 0.5 }}>
        {(['edit', 'publish', 'subjects', 'data'] as const).map(s => (
          <li key={s}>{translate(`onboarding.next.${s}`)}</li>
        ))}
      </Typography>
    </Box>
  );
};

export default Onboarding;
