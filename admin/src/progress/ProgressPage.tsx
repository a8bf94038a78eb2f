// 督查进度: per subject and indicator, the period's cumulative value against the annual target and the
// share of the year elapsed, with a warning level; filters by level, unit and department; the
// quarterly supervision report (xlsx) for download. The server decides the scope (a UNIT sees its own unit).
import DownloadIcon from '@mui/icons-material/Download';
import CheckIcon from '@mui/icons-material/CheckCircle';
import WarningIcon from '@mui/icons-material/Warning';
import ErrorIcon from '@mui/icons-material/Error';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  FormControlLabel,
  Stack,
  Switch,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
} from '@mui/material';
import { useState } from 'react';
import { Title, useLocaleState, useNotify, useStore, useTranslate } from 'react-admin';
import { downloadFile } from '../files/api';
import Spinner from '../layout/Spinner';
import { ownDepartmentOnly, ownUnitOnly } from '../session';
import { Picker, SchemePicker, useSchemeData } from '../dataEntry/useSchemeData';
import { useRead } from '../dataProvider/useRead';
import { LEVELS, PROGRESS_PERIODS, supervisionUrl, type Level, type ProgressItem, type ProgressPeriod } from './api';

const CHIP: Record<Level, { color: 'success' | 'warning' | 'error'; icon: React.ReactElement }> = {
  ON_TRACK: { color: 'success', icon: <CheckIcon /> },
  BEHIND: { color: 'warning', icon: <WarningIcon /> },
  FAR_BEHIND: { color: 'error', icon: <ErrorIcon /> },
};

/** A level as colour, icon and words (never colour alone); no level: why, in words. */
const LevelCell = ({ item }: { item: ProgressItem }) => {
  const translate = useTranslate();
  if (!item.level)
    return (
      <Box component="span" sx={{ color: 'text.secondary' }} data-testid="progress-note">
        {translate(`progress.note.${item.note}`)}
      </Box>
    );
  const c = CHIP[item.level];
  const text = translate(`progress.level.${item.level}`);
  return (
    <Chip
      size="small"
      variant={item.level === 'ON_TRACK' ? 'outlined' : 'filled'}
      color={c.color}
      icon={c.icon}
      label={text}
      aria-label={translate('progress.level_label', { level: text })}
      data-testid="progress-level"
      data-level={item.level}
    />
  );
};

const ProgressPage = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const isUnit = ownUnitOnly();
  const { schemes, list, scheme, setSchemeId, data } = useSchemeData();
  const [period, setPeriod] = useStore<ProgressPeriod>('progress.period', 'Q1');
  const [level, setLevel] = useState<Level | ''>('');
  const [unit, setUnit] = useState('');
  // a MONITOR user starts on its own department's indicators (null: not chosen on this page yet)
  const [chosen, setDepartment] = useState<string | null>(null);
  const ownDepartment = ownDepartmentOnly();
  const mine = useRead('myDepartment', ownDepartment ? {} : null);
  // the progress waits for a MONITOR user's own department (read or refused)
  const mineSettled = !ownDepartment || !mine.isPending;
  const department = chosen ?? mine.data ?? '';
  const [busy, setBusy] = useState(false);
  const [showMissing, setShowMissing] = useState(false);
  const departments = useRead('departments', {});
  const progress = useRead(
    'progress',
    scheme && mineSettled ? { schemeId: scheme.id, period, level: level || undefined, unit, department } : null,
  );

  const all = translate('progress.pick.all');
  const units = (data.data?.subjects ?? []).filter(s => !s.unit).map(s => ({ id: s.code, name: s.name }));
  const num = new Intl.NumberFormat(locale === 'en' ? 'en' : 'zh-CN', { maximumFractionDigits: 4 });
  const fmt = (n: number | null, suffix = '') => (n === null ? '—' : `${num.format(n)}${suffix}`);
  const p = progress.data;
  const count = (l: Level) => p?.items.filter(i => i.level === l).length ?? 0;
  const missing = p?.items.filter(i => i.note === 'NO_VALUE').length ?? 0;
  // what was not reported is counted above the table and listed only when asked for
  const shown = (p?.items ?? []).filter(i => showMissing || i.note !== 'NO_VALUE');

  const download = async () => {
    if (!scheme) return;
    setBusy(true);
    try {
      const name = await downloadFile(supervisionUrl(scheme.id, period), `${scheme.code}-supervision-${period}.xlsx`);
      notify(translate('progress.downloaded', { name }), { type: 'success' });
    } catch (e) {
      notify((e as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="progress.title" />
      <CardContent>
        {schemes.error && <Alert severity="error">{schemes.error.message}</Alert>}
        {schemes.data && !list.length && <Alert severity="info">{translate('dataEntry.no_scheme')}</Alert>}
        {scheme && (
          <Stack direction="row" spacing={2} useFlexGap sx={{ alignItems: 'center', flexWrap: 'wrap', mb: 2 }}>
            <SchemePicker list={list} value={scheme.id} onChange={setSchemeId} />
            <Picker
              label={translate('progress.pick.period')}
              value={period}
              onChange={setPeriod}
              testId="pick-period"
              options={PROGRESS_PERIODS.map(x => ({ id: x, name: translate(`progress.period.${x}`) }))}
            />
            <Picker
              label={translate('progress.pick.level')}
              value={level}
              onChange={setLevel}
              testId="pick-level"
              options={[
                { id: '' as const, name: all },
                ...LEVELS.map(x => ({ id: x, name: translate(`progress.level.${x}`) })),
              ]}
            />
            {!isUnit && (
              <Picker
                label={translate('progress.pick.unit')}
                value={unit}
                onChange={setUnit}
                testId="pick-unit"
                options={[{ id: '', name: all }, ...units]}
              />
            )}
            <Picker
              label={translate('progress.pick.department')}
              value={department}
              onChange={setDepartment}
              testId="pick-department"
              options={[{ id: '', name: all }, ...(departments.data ?? []).map(d => ({ id: d.code, name: d.name }))]}
            />
            <Button
              variant="outlined"
              startIcon={<DownloadIcon />}
              onClick={() => void download()}
              disabled={busy}
              data-testid="download-supervision"
            >
              {translate('progress.download')}
            </Button>
          </Stack>
        )}
        {p && (
          <Box sx={{ color: 'text.secondary', fontSize: 13, mb: 1 }} data-testid="progress-schedule">
            {translate('progress.schedule', {
              pct: `${p.expected}%`,
              behind: p.thresholds.behind,
              far: p.thresholds.farBehind,
            })}
            {' · '}
            {translate('progress.counts', { behind: count('BEHIND'), far: count('FAR_BEHIND'), missing })}
            <FormControlLabel
              sx={{ ml: 2 }}
              control={
                <Switch
                  size="small"
                  checked={showMissing}
                  onChange={e => setShowMissing(e.target.checked)}
                  data-testid="show-missing"
                />
              }
              label={translate('progress.show_missing')}
            />
          </Box>
        )}
        {progress.error && <Alert severity="error">{progress.error.message}</Alert>}
        {progress.isFetching && <Spinner size={24} />}
        {p && !shown.length && <Alert severity="info">{translate('progress.none')}</Alert>}
        {p && shown.length > 0 && (
          <Box sx={{ width: 0, minWidth: '100%', overflowX: 'auto' }}>
            <Table size="small" data-testid="progress-table">
              <TableHead>
                <TableRow>
                  {(['subject', 'indicator', 'owners'] as const).map(c => (
                    <TableCell key={c}>{translate(`progress.col.${c}`)}</TableCell>
                  ))}
                  {(['actual', 'target', 'completion', 'expected', 'gap'] as const).map(c => (
                    <TableCell key={c} align="right">
                      {translate(`progress.col.${c}`)}
                    </TableCell>
                  ))}
                  <TableCell>{translate('progress.col.level')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {shown.map(i => (
                  <TableRow key={`${i.subject}:${i.indicator}`} data-testid={`progress-${i.subject}-${i.indicator}`}>
                    <TableCell>
                      {i.subjectName}{' '}
                      <Box component="span" sx={{ color: 'text.secondary', fontSize: 12 }}>
                        {i.subject}
                      </Box>
                    </TableCell>
                    <TableCell
                      sx={{ whiteSpace: 'nowrap' }}
                      title={i.direction === 'LOWER' ? translate('progress.lower') : undefined}
                    >
                      {i.indicatorName}
                      {i.measure ? translate('dataEntry.unit', { unit: i.measure }) : ''}
                      {i.direction === 'LOWER' ? ' ↓' : ''}
                    </TableCell>
                    <TableCell>{i.owners.map(o => o.name).join('、') || '—'}</TableCell>
                    <TableCell align="right">{fmt(i.actual)}</TableCell>
                    <TableCell align="right">{fmt(i.target)}</TableCell>
                    <TableCell align="right">{fmt(i.completion, '%')}</TableCell>
                    <TableCell align="right">{`${p.expected}%`}</TableCell>
                    <TableCell align="right">
                      {i.gap === null ? '—' : translate('progress.points', { n: num.format(i.gap) })}
                    </TableCell>
                    <TableCell>
                      <LevelCell item={i} />
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

export default ProgressPage;
