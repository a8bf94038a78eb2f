import {
  Alert,
  Box,
  CircularProgress,
  Dialog,
  DialogContent,
  DialogTitle,
  List,
  ListItem,
  ListItemText,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useLocaleState, useTranslate } from 'react-admin';
import { FeedbackButton } from '../feedback';
import type { RunRecord, SubjectResult } from './api';
import { adjustmentPoints, fmt, gradeName, ruleName, signed, type SchemeLabels } from './labels';
import type { Receipt as ReceiptData } from './receiptApi';
import { useRead } from '../dataProvider/useRead';

/** An input's fields as "实际 12 / 目标 15" (field names in the console's language). */
const valueText = (v: Record<string, unknown> | null | undefined, none: string, label: (field: string) => string) =>
  v
    ? Object.entries(v)
        .map(([k, x]) => `${label(k)} ${typeof x === 'object' ? JSON.stringify(x) : String(x)}`)
        .join(' / ') || none
    : none;

/** A subject's receipt: the reasons (rank, adjustments and caps, vetoes, grade), then each indicator's value and source. */
export const ReceiptPanel = ({ receipt }: { receipt: ReceiptData | null }) => {
  const translate = useTranslate();
  if (!receipt)
    return (
      <Alert severity="info" data-testid="receipt-unavailable">
        {translate('kaoping.receipt.unavailable')}
      </Alert>
    );
  const source = (s: string | null) => (s ? translate(`kaoping.receipt.source_name.${s}`, { _: s }) : '—');
  const label = (field: string) => translate(`kaoping.scheme.input.${field}`, { _: field });
  return (
    <Box data-testid="receipt" sx={{ mt: 2 }}>
      <Typography variant="subtitle2">{translate('kaoping.receipt.reasons')}</Typography>
      <List dense sx={{ py: 0 }}>
        {receipt.lines.map((l, i) => (
          <ListItem key={i} disableGutters sx={{ py: 0 }} data-testid={`receipt-line-${l.code}`}>
            <ListItemText primary={l.text} slotProps={{ primary: { variant: 'body2' } }} />
          </ListItem>
        ))}
      </List>
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {translate('kaoping.receipt.indicators')}
      </Typography>
      <TableContainer component={Paper} variant="outlined">
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('kaoping.receipt.indicator')}</TableCell>
              <TableCell>{translate('kaoping.receipt.value')}</TableCell>
              <TableCell>{translate('kaoping.receipt.source')}</TableCell>
              <TableCell>{translate('kaoping.receipt.others')}</TableCell>
              <TableCell>{translate('kaoping.receipt.decision')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {receipt.indicators.map(i => (
              <TableRow key={i.indicator} data-testid={`receipt-indicator-${i.indicator}`}>
                <TableCell>
                  {i.name}{' '}
                  <Typography component="span" variant="caption" color="text.secondary">
                    {i.indicator}
                  </Typography>
                </TableCell>
                <TableCell>{valueText(i.value, translate('kaoping.receipt.none'), label)}</TableCell>
                <TableCell>{source(i.source)}</TableCell>
                <TableCell>
                  {i.others.map(o => `${source(o.source)}: ${valueText(o.value, '—', label)}`).join('；') || '—'}
                </TableCell>
                <TableCell>{i.decision?.text ?? ''}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </TableContainer>
      <Typography variant="caption" color="text.secondary" data-testid="receipt-hashes">
        {translate('kaoping.receipt.hashes', {
          scheme: receipt.schemeHash.slice(0, 12),
          inputs: receipt.inputsHash.slice(0, 12),
        })}
      </Typography>
    </Box>
  );
};

/** A subject's breakdown: the node tree with points and explanations, adjustments, warnings and the receipt, in the console's language. */
export const Breakdown = ({
  subject,
  run,
  labels,
  onClose,
}: {
  subject: SubjectResult | null;
  run: RunRecord;
  labels?: SchemeLabels;
  onClose: () => void;
}) => {
  const translate = useTranslate();
  const [locale] = useLocaleState();
  const code = subject?.subject.code;
  const { data, error } = useRead(
    'subjectBreakdown',
    code ? { schemeId: run.schemeId, runId: run.id, subject: code, lang: locale } : null,
  );
  const full = data ?? null;
  const s = full ?? subject;
  return (
    <Dialog open={!!subject} onClose={onClose} maxWidth="lg" fullWidth>
      {s && (
        <>
          <DialogTitle>
            {translate('kaoping.result.breakdown_title', { name: s.subject.name, code: s.subject.code })}
          </DialogTitle>
          {/* focusable, so the scrolled table can be read and scrolled by keyboard */}
          <DialogContent data-testid="breakdown" tabIndex={0}>
            <Stack direction="row" spacing={3} sx={{ mb: 2 }}>
              <Typography>
                {translate('kaoping.result.final')}: <b>{fmt(s.final)}</b>
              </Typography>
              <Typography>
                {translate('kaoping.result.rank')}: {s.rank}
              </Typography>
              <Typography>
                {translate('kaoping.result.grade')}: {gradeName(labels, s.grade)}
              </Typography>
              <FeedbackButton runId={run.id} group={s.group} subject={s.subject.code} />
            </Stack>
            {error && <Alert severity="error">{error.message}</Alert>}
            {s.warnings.length > 0 && (
              <Alert severity="warning" sx={{ mb: 2 }} data-testid="breakdown-warnings">
                {s.warnings.map((w, i) => (
                  <div key={i}>
                    {w.indicator}: {translate(`kaoping.scheme.warning.${w.code}`, { _: w.code })}
                  </div>
                ))}
              </Alert>
            )}
            {s.vetoes.length > 0 && (
              <Alert severity="error" sx={{ mb: 2 }}>
                {translate('kaoping.result.vetoes')}: {s.vetoes.map(v => ruleName(labels, v)).join('、')}
              </Alert>
            )}
            <TableContainer component={Paper} variant="outlined">
              <Table size="small">
                <TableHead>
                  <TableRow>
                    <TableCell>{translate('kaoping.scheme.node')}</TableCell>
                    <TableCell align="right">{translate('kaoping.scheme.max_points')}</TableCell>
                    <TableCell align="right">{translate('kaoping.scheme.points')}</TableCell>
                    <TableCell align="right">{translate('kaoping.scheme.rate')}</TableCell>
                    <TableCell>{translate('kaoping.result.explain')}</TableCell>
                  </TableRow>
                </TableHead>
                <TableBody>
                  {s.nodes.map(n => (
                    <TableRow key={n.code} data-testid={`node-${n.code}`} sx={{ opacity: n.out ? 0.5 : 1 }}>
                      <TableCell
                        sx={{
                          fontWeight: n.explain === null ? 600 : 400,
                          pl: 2 + 2 * (labels?.depth.get(`${s.group}:${n.code}`) ?? 0),
                        }}
                      >
                        {n.name}{' '}
                        <Typography component="span" variant="caption" color="text.secondary">
                          {n.code}
                        </Typography>
                      </TableCell>
                      <TableCell align="right">{fmt(n.maxPoints)}</TableCell>
                      <TableCell align="right">{fmt(n.points)}</TableCell>
                      <TableCell align="right">{n.rate === null ? '—' : `${fmt(n.rate * 100, 1)}%`}</TableCell>
                      <TableCell sx={{ maxWidth: 420 }}>
                        {n.out ? translate('kaoping.result.out') : (n.explain ?? '')}
                      </TableCell>
                    </TableRow>
                  ))}
                </TableBody>
              </Table>
            </TableContainer>
            <Typography variant="subtitle2" sx={{ mt: 2 }}>
              {translate('kaoping.result.adjustments')}
            </Typography>
            {s.adjustments.length === 0 ? (
              <Typography variant="body2" color="text.secondary">
                —
              </Typography>
            ) : (
              s.adjustments.map((a, i) => (
                <Typography key={i} variant="body2">
                  {ruleName(labels, a.rule)}: {signed(adjustmentPoints(labels, a))}
                </Typography>
              ))
            )}
            <Typography variant="h6" sx={{ mt: 3 }}>
              {translate('kaoping.receipt.title')}
            </Typography>
            {full ? (
              <ReceiptPanel receipt={full.receipt} />
            ) : (
              !error && <CircularProgress size={16} data-testid="receipt-loading" />
            )}
          </DialogContent>
        </>
      )}
    </Dialog>
  );
};
