// One indicator's live preview: inputs for its method's fields, and the rate, points and
// explanation from the scoring engine (previewIndicator) running in the browser.
import { previewIndicator, type IndicatorNode, type Input } from '@kaoping/shared';
import { Alert, Box, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useMemo, useState } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { formatPoints, type TreeNode } from './tree';

type Field = 'actual' | 'target' | 'previous' | 'score' | 'grade' | 'peers' | 'unitFinal';

const fieldsFor = (node: TreeNode): Field[] => {
  const m = node.method!;
  switch (m.type) {
    case 'TARGET':
      return ['actual', 'target'];
    case 'LADDER':
      return m.basis === 'RATIO' ? ['actual', 'target'] : ['actual'];
    case 'RANK':
    case 'LINEAR':
      return ['actual', 'peers'];
    case 'GRADE':
      return ['grade'];
    case 'SCORE':
      return ['score'];
    case 'FORMULA':
      return ['actual', 'target', 'previous', 'score', 'peers'];
    case 'LINKED':
      return ['unitFinal'];
    default:
      return [];
  }
};

const toNumber = (s: string | undefined): number | undefined =>
  s === undefined || s.trim() === '' || !Number.isFinite(Number(s)) ? undefined : Number(s);

const PreviewPanel = ({ node, maxPoints, precision }: { node: TreeNode; maxPoints?: number; precision: number }) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const [values, setValues] = useState<Partial<Record<Field, string>>>({});
  const fields = fieldsFor(node);
  const levels = node.method?.type === 'GRADE' ? Object.keys((node.method.levels as Record<string, number>) ?? {}) : [];

  const result = useMemo(() => {
    if (fields.length === 0) return { unsupported: true as const };
    const input: Partial<Input> = { subject: 'preview', indicator: node.code };
    for (const f of ['actual', 'target', 'previous', 'score'] as const) {
      const n = toNumber(values[f]);
      if (n !== undefined) input[f] = n;
    }
    if (values.grade) input.grade = values.grade;
    const peerActuals = (values.peers ?? '')
      .split(/[,，\s]+/)
      .map(s => toNumber(s))
      .filter((n): n is number => n !== undefined);
    try {
      return {
        preview: previewIndicator(node as unknown as IndicatorNode, input, {
          maxPoints: maxPoints !== undefined && Number.isFinite(maxPoints) ? maxPoints : undefined,
          precision,
          peerActuals,
          unitFinal: toNumber(values.unitFinal),
          lang: locale === 'en' ? 'en' : 'zh',
        }),
      };
    } catch (e) {
      return { error: (e as Error).message };
    }
  }, [node, values, maxPoints, precision, locale, fields.length]);

  return (
    <Paper variant="outlined" sx={{ p: 2, maxWidth: 760 }} data-testid={`preview-${node.code}`}>
      <Typography variant="subtitle2" sx={{ mb: 1 }}>
        {translate('kaoping.scheme.preview_title', { name: node.name ?? node.code })}
      </Typography>
      {'unsupported' in result ? (
        <Alert severity="info">{translate('kaoping.scheme.preview_unsupported')}</Alert>
      ) : (
        <>
          <Stack direction="row" spacing={1} useFlexGap sx={{ mb: 1, flexWrap: 'wrap' }}>
            {fields.map(f =>
              f === 'grade' ? (
                <TextField
                  key={f}
                  select
                  size="small"
                  sx={{ width: 140 }}
                  label={translate('kaoping.scheme.input.grade')}
                  value={values.grade ?? ''}
                  onChange={e => setValues(v => ({ ...v, grade: e.target.value }))}
                >
                  {levels.map(l => (
                    <MenuItem key={l} value={l}>
                      {l}
                    </MenuItem>
                  ))}
                </TextField>
              ) : (
                <TextField
                  key={f}
                  size="small"
                  sx={{ width: f === 'peers' ? 240 : 140 }}
                  label={translate(`kaoping.scheme.input.${f}`)}
                  value={values[f] ?? ''}
                  slotProps={{
                    htmlInput: { inputMode: f === 'peers' ? 'text' : 'decimal', 'data-testid': `preview-input-${f}` },
                  }}
                  onChange={e => setValues(v => ({ ...v, [f]: e.target.value }))}
                />
              ),
            )}
          </Stack>
          {'error' in result ? (
            <Alert severity="warning">{translate('kaoping.scheme.preview_invalid')}</Alert>
          ) : (
            <Stack spacing={0.5}>
              <Typography variant="body2">
                {translate('kaoping.fmt.label', { label: translate('kaoping.scheme.rate') })}
                <b data-testid="preview-rate">{`${formatPoints(result.preview.rate * 100, 2)}%`}</b>
                <Box component="span" sx={{ ml: 2 }} />
                {translate('kaoping.fmt.label', { label: translate('kaoping.scheme.points') })}
                <b data-testid="preview-points">{formatPoints(result.preview.points, precision)}</b> /{' '}
                {formatPoints(result.preview.maxPoints, precision)}
              </Typography>
              <Typography variant="body2" data-testid="preview-explain">
                {result.preview.explain}
              </Typography>
              {result.preview.warnings.length > 0 && (
                <Typography variant="caption" color="warning.main">
                  {result.preview.warnings
                    .map(w => translate(`kaoping.scheme.warning.${w.code}`, { _: w.code }))
                    .join(translate('kaoping.fmt.items'))}
                </Typography>
              )}
            </Stack>
          )}
        </>
      )}
    </Paper>
  );
};

export default PreviewPanel;
