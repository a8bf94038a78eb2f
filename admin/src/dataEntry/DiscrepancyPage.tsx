// 差异核定: the inputs whose self-report (SELF) and monitoring (MONITOR) differ beyond the scheme's
// threshold, side by side; the assessment team (or an ADMIN) settles one by entering its REVIEW
// value inline. Settled ones show their review value and are hidden unless asked for.
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
import { useMemo, useState } from 'react';
import { Title, useLocaleState, useNotify, usePermissions, useTranslate } from 'react-admin';
import { rowProblemsOf, setInputs, type DiscrepancyRecord } from './api';
import {
  checkCell,
  describeValue,
  serverCheck,
  indicatorColumns,
  keptFields,
  textsOf,
  type Column,
  type Field,
  type Texts,
} from './model';
import { canReview } from './rights';
import { useRead } from '../dataProvider/useRead';
import { SchemePicker, useSchemeData } from './useSchemeData';
import Spinner from '../layout/Spinner';

const SettleForm = ({
  schemeId,
  d,
  column,
  onDone,
}: {
  schemeId: string;
  d: DiscrepancyRecord;
  column: Column;
  onDone: () => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const [texts, setTexts] = useState<Texts>(() => textsOf(d.monitor, column.fields));
  const [busy, setBusy] = useState(false);
  const result = checkCell(column, texts, keptFields(column, d.review ?? undefined));
  const errorOf = (f: Field) => {
    const c = result.errors[f] ?? (f === column.fields[0] ? result.errors[''] : undefined);
    return c ? (c.raw ?? translate(`dataEntry.check.${c.key}`, c.params)) : undefined;
  };
  const save = async () => {
    if (!result.value) return;
    setBusy(true);
    try {
      await setInputs(schemeId, 'REVIEW', 'ANNUAL', [
        { subject: d.subject, indicator: d.indicator, value: result.value },
      ]);
      notify(translate('dataEntry.disc.settled', { subject: d.subject, indicator: column.name }), { type: 'success' });
      onDone();
    } catch (e) {
      const p = rowProblemsOf(e)[0];
      const c = p && serverCheck(p, locale);
      notify(
        c
          ? translate('kaoping.fmt.label', { label: translate('kaoping.error.BAD_USER_INPUT') }) +
              (c.raw ?? translate(`dataEntry.check.${c.key}`, c.params))
          : (e as Error).message,
        { type: 'error' },
      );
    } finally {
      setBusy(false);
    }
  };
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
      {column.fields.map(f => (
        <Box
          key={f}
          component="input"
          placeholder={translate(`dataEntry.field.${f}`)}
          title={errorOf(f)}
          aria-invalid={errorOf(f) ? true : undefined}
          data-testid={`settle-${d.subject}-${d.indicator}-${f}`}
          value={texts[f] ?? ''}
          onChange={(e: React.ChangeEvent<HTMLInputElement>) => setTexts(t => ({ ...t, [f]: e.target.value }))}
          sx={{
            width: 80,
            font: 'inherit',
            fontSize: 13,
            p: 0.5,
            border: '1px solid',
            borderColor: errorOf(f) ? 'error.main' : 'divider',
            borderRadius: 0.5,
          }}
        />
      ))}
      <Button
        size="small"
        variant="outlined"
        disabled={busy || !result.value}
        onClick={() => void save()}
        data-testid={`settle-${d.subject}-${d.indicator}`}
      >
        {translate('dataEntry.disc.settle')}
      </Button>
    </Stack>
  );
};

const DiscrepancyPage = () => {
  const translate = useTranslate();
  const { permissions: granted } = usePermissions<string[]>();
  const { schemes, list, scheme, setSchemeId, data } = useSchemeData();
  const [showResolved, setShowResolved] = useState(false);
  const items = useRead('discrepancies', scheme ? { schemeId: scheme.id } : null);
  const may = canReview(granted) && scheme?.status === 'PUBLISHED';

  const lookup = useMemo(() => {
    const subjects = new Map((data.data?.subjects ?? []).map(s => [s.code, s]));
    const columns = new Map<string, Column>();
    for (const g of data.data?.definition.groups ?? [])
      for (const c of indicatorColumns(g.root as never)) columns.set(`${g.code}:${c.code}`, c);
    return {
      subjects,
      column: (subject: string, indicator: string) => columns.get(`${subjects.get(subject)?.group}:${indicator}`),
    };
  }, [data.data]);

  const label = (f: Field) => translate(`dataEntry.field.${f}`);
  const na = translate('dataEntry.not_applicable');
  const shown = (items.data ?? []).filter(d => showResolved || !d.review);
  const threshold = Number(data.data?.definition.reviewThreshold ?? 0.1);

  return (
    <Card sx={{ mt: 2 }}>
      <Title title="dataEntry.title.discrepancies" />
      <CardContent>
        {schemes.error && <Alert severity="error">{schemes.error.message}</Alert>}
        {schemes.data && !list.length && <Alert severity="info">{translate('dataEntry.no_scheme')}</Alert>}
        {scheme && (
          <Stack direction="row" spacing={2} sx={{ alignItems: 'center', mb: 2 }}>
            <SchemePicker list={list} value={scheme.id} onChange={setSchemeId} />
            <FormControlLabel
              control={
                <Switch
                  checked={showResolved}
                  onChange={e => setShowResolved(e.target.checked)}
                  data-testid="show-resolved"
                />
              }
              label={translate('dataEntry.disc.show_resolved')}
            />
            <Box sx={{ color: 'text.secondary', fontSize: 13 }}>
              {translate('dataEntry.disc.threshold', { pct: `${Math.round(threshold * 1000) / 10}%` })}
            </Box>
          </Stack>
        )}
        {(items.error || data.error) && <Alert severity="error">{(items.error ?? data.error)!.message}</Alert>}
        {(items.isFetching || data.loading) && <Spinner size={24} />}
        {items.data && data.data && !shown.length && (
          <Alert severity="success">{translate('dataEntry.disc.none')}</Alert>
        )}
        {items.data && data.data && shown.length > 0 && (
          <Box sx={{ width: 0, minWidth: '100%', overflowX: 'auto' }}>
            <Table size="small" data-testid="discrepancies">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('dataEntry.subject')}</TableCell>
                  <TableCell>{translate('dataEntry.disc.indicator')}</TableCell>
                  <TableCell>{translate('dataEntry.disc.self')}</TableCell>
                  <TableCell>{translate('dataEntry.disc.monitor')}</TableCell>
                  <TableCell align="right">{translate('dataEntry.disc.ratio')}</TableCell>
                  <TableCell>{translate('dataEntry.disc.status')}</TableCell>
                  <TableCell>{translate('dataEntry.disc.review')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {shown.map(d => {
                  const column = lookup.column(d.subject, d.indicator);
                  const subject = lookup.subjects.get(d.subject);
                  return (
                    <TableRow key={`${d.subject}:${d.indicator}`} data-testid={`disc-${d.subject}-${d.indicator}`}>
                      <TableCell>
                        {subject?.name ?? d.subject}{' '}
                        <Box component="span" sx={{ color: 'text.secondary', fontSize: 12 }}>
                          {d.subject}
                        </Box>
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>
                        {column?.name ?? d.indicator}
                        {column?.unit ? translate('dataEntry.unit', { unit: column.unit }) : ''}
                      </TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{describeValue(d.self, label, na)}</TableCell>
                      <TableCell sx={{ whiteSpace: 'nowrap' }}>{describeValue(d.monitor, label, na)}</TableCell>
                      <TableCell align="right">
                        {d.ratio === null ? '—' : `${Math.round(d.ratio * 1000) / 10}%`}
                      </TableCell>
                      <TableCell>
                        <Chip
                          size="small"
                          color={d.review ? 'success' : 'warning'}
                          label={translate(d.review ? 'dataEntry.disc.resolved' : 'dataEntry.disc.open')}
                          data-testid="disc-status"
                        />
                      </TableCell>
                      <TableCell>
                        {d.review ? (
                          describeValue(d.review, label, na)
                        ) : may && column && column.fields.length ? (
                          <SettleForm schemeId={scheme.id} d={d} column={column} onDone={() => void items.refetch()} />
                        ) : (
                          '—'
                        )}
                      </TableCell>
                    </TableRow>
                  );
                })}
              </TableBody>
            </Table>
          </Box>
        )}
      </CardContent>
    </Card>
  );
};

export default DiscrepancyPage;
