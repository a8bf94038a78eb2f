// 反馈单: a run's result for one unit (or every unit of a group, one per page) as a print-ready
// page: #/feedback/<runId>?group=<code>&subject=<code>, or subject=ALL for the whole group.
// Outside the console's layout, so what prints is the sheet only (the toolbar is not printed).
import ArrowBackIcon from '@mui/icons-material/ArrowBack';
import PrintIcon from '@mui/icons-material/Print';
import { Alert, Box, CircularProgress, MenuItem, Stack, TextField } from '@mui/material';
import { useEffect, useMemo } from 'react';
import { Button, useTranslate } from 'react-admin';
import { Link, useParams, useSearchParams } from 'react-router-dom';
import { useRead } from '../dataProvider/useRead';
import type { RunRecord } from '../results/api';
import { labelsOf, type SchemeLabels } from '../results/labels';
import FeedbackSheet from './FeedbackSheet';

export const ALL = 'ALL';

// A4 portrait; each sheet starts a page; colours and backgrounds as on screen.
const PRINT_CSS = `
@page { size: A4 portrait; margin: 14mm 12mm; }
@media print {
  .feedback-toolbar { display: none !important; }
  body, .feedback-page { background: #fff !important; }
  .feedback-sheet { box-shadow: none !important; margin: 0 !important; padding: 0 !important; max-width: none !important; break-after: page; }
  .feedback-sheet:last-child { break-after: auto; }
  .feedback-row { break-inside: avoid; }
  * { -webkit-print-color-adjust: exact; print-color-adjust: exact; }
}`;

interface Loaded {
  run: RunRecord;
  labels: SchemeLabels;
  schemeName: string;
}

const FeedbackPage = () => {
  const translate = useTranslate();
  const { runId = '' } = useParams();
  const [params, setParams] = useSearchParams();
  const runRead = useRead('run', { runId });
  const run = runRead.data;
  const definitionRead = useRead('schemeDefinition', run ? { schemeId: run.schemeId } : null);
  const definition = definitionRead.data;
  const loaded = useMemo<Loaded | null>(
    () =>
      run && definition
        ? { run, labels: labelsOf(definition), schemeName: typeof definition.name === 'string' ? definition.name : '' }
        : null,
    [run, definition],
  );

  const group = params.get('group') ?? loaded?.run.groups[0]?.group ?? '';
  const rowsRead = useRead(
    'rankings',
    loaded && group ? { schemeId: loaded.run.schemeId, group, runId: loaded.run.id } : null,
  );
  const rows = rowsRead.data ?? null;
  const error = (runRead.error ?? definitionRead.error ?? rowsRead.error)?.message ?? null;

  const subject = params.get('subject') ?? rows?.[0]?.subject.code ?? '';
  const shown = rows ? (subject === ALL ? rows : rows.filter(r => r.subject.code === subject)) : [];
  // the PDF a browser saves is named after the page title: the unit and the scheme
  const title =
    loaded && shown.length === 1
      ? translate('feedback.doc_title', { name: shown[0].subject.name, scheme: loaded.schemeName })
      : null;
  useEffect(() => {
    if (!title) return;
    const before = document.title;
    document.title = title;
    return () => {
      document.title = before;
    };
  }, [title]);

  if (error)
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        {error}
      </Alert>
    );
  return (
    <Box component="main" className="feedback-page" sx={{ bgcolor: '#eee', minHeight: '100vh', pb: 4 }}>
      <style>{PRINT_CSS}</style>
      <Stack
        className="feedback-toolbar"
        direction="row"
        spacing={2}
        sx={{ p: 2, alignItems: 'center', flexWrap: 'wrap', bgcolor: '#fff', mb: 2 }}
        useFlexGap
      >
        <Button label="feedback.back" component={Link} to={`/results/${encodeURIComponent(runId)}/show`}>
          <ArrowBackIcon />
        </Button>
        {loaded && (
          <TextField
            select
            size="small"
            label={translate('feedback.group')}
            value={group}
            onChange={e => setParams({ group: e.target.value })}
            fullWidth={false}
            sx={{ width: 200 }}
            slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'feedback-group' } as object } }}
          >
            {loaded.run.groups.map(g => (
              <MenuItem key={g.group} value={g.group}>
                {loaded.labels.groups.find(x => x.code === g.group)?.name ?? g.group}
              </MenuItem>
            ))}
          </TextField>
        )}
        {rows && (
          <TextField
            select
            size="small"
            label={translate('feedback.unit')}
            value={subject}
            onChange={e => setParams({ group, subject: e.target.value })}
            fullWidth={false}
            sx={{ width: 280 }}
            slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'feedback-subject' } as object } }}
          >
            <MenuItem value={ALL}>{translate('feedback.all', { smart_count: rows.length })}</MenuItem>
            {rows.map(r => (
              <MenuItem key={r.subject.code} value={r.subject.code}>
                {translate('kaoping.fmt.named', { name: r.subject.name, code: r.subject.code })}
              </MenuItem>
            ))}
          </TextField>
        )}
        <Button
          label="feedback.print"
          variant="contained"
          onClick={() => window.print()}
          disabled={!shown.length}
          data-testid="feedback-print"
        >
          <PrintIcon />
        </Button>
      </Stack>
      {(!loaded || !rows) && <CircularProgress size={24} sx={{ m: 2 }} />}
      {loaded && rows && shown.length === 0 && (
        <Alert severity="info" sx={{ m: 2 }}>
          {translate('feedback.no_subject')}
        </Alert>
      )}
      {loaded &&
        shown.map(r => (
          <FeedbackSheet
            key={r.subject.code}
            schemeName={loaded.schemeName}
            run={loaded.run}
            labels={loaded.labels}
            result={r}
            groupSize={rows?.length ?? 0}
          />
        ))}
    </Box>
  );
};

export default FeedbackPage;
