// One unit's 反馈单: what it scored and why, laid out for A4 paper.
import { Box, Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { RunRecord, SubjectResult } from '../results/api';
import { adjustmentPoints, fmt, ruleName, signed, type SchemeLabels } from '../results/labels';

export interface SheetProps {
  schemeName: string;
  run: RunRecord;
  labels: SchemeLabels;
  result: SubjectResult;
  /** Subjects ranked in the group. */
  groupSize: number;
}

const cell = { border: '1px solid #999', py: 0.5, px: 1, fontSize: 12 } as const;
const num = { ...cell, whiteSpace: 'nowrap' } as const;

const FeedbackSheet = ({ schemeName, run, labels, result, groupSize }: SheetProps) => {
  const translate = useTranslate();
  const groupName = labels.groups.find(g => g.code === result.group)?.name ?? result.group;
  const grade = labels.grades.get(result.grade) ?? result.grade;
  const bonuses = result.adjustments.filter(a => labels.ruleKinds.get(a.rule) === 'BONUS');
  const deductions = result.adjustments.filter(a => labels.ruleKinds.get(a.rule) === 'DEDUCTION');
  const date = new Date(run.publishedAt ?? run.approvedAt ?? run.createdAt).toLocaleDateString();
  return (
    <Box
      className="feedback-sheet"
      data-testid={`feedback-${result.subject.code}`}
      sx={{ bgcolor: '#fff', color: '#000', p: 4, mb: 4, maxWidth: '210mm', mx: 'auto', boxShadow: 1 }}
    >
      <Typography variant="h5" align="center" sx={{ fontWeight: 700 }}>
        {translate('feedback.title', { scheme: schemeName })}
      </Typography>
      <Typography align="center" variant="body2" sx={{ mb: 2 }}>
        {translate('feedback.subtitle', { status: translate(`kaoping.result.status.${run.status}`), date })}
      </Typography>
      <Table size="small" sx={{ mb: 2 }}>
        <TableBody>
          <TableRow>
            <TableCell sx={cell}>{translate('feedback.unit')}</TableCell>
            <TableCell sx={{ ...cell, fontWeight: 700 }} data-testid="feedback-unit">
              {translate('kaoping.fmt.named', { name: result.subject.name, code: result.subject.code })}
            </TableCell>
            <TableCell sx={cell}>{translate('feedback.group')}</TableCell>
            <TableCell sx={cell}>{groupName}</TableCell>
          </TableRow>
          <TableRow>
            <TableCell sx={cell}>{translate('kaoping.result.final')}</TableCell>
            <TableCell sx={{ ...cell, fontWeight: 700, fontSize: 16 }} data-testid="feedback-final">
              {fmt(result.final)}
            </TableCell>
            <TableCell sx={cell}>{translate('kaoping.result.rank')}</TableCell>
            <TableCell sx={cell} data-testid="feedback-rank">
              {translate('feedback.rank_of', { rank: result.rank, total: groupSize })}
            </TableCell>
          </TableRow>
          <TableRow>
            <TableCell sx={cell}>{translate('kaoping.result.grade')}</TableCell>
            <TableCell sx={cell} data-testid="feedback-grade">
              {grade}
            </TableCell>
            <TableCell sx={cell}>{translate('feedback.composition')}</TableCell>
            <TableCell sx={cell}>
              {translate('feedback.composition_text', {
                base: fmt(result.base),
                bonus: fmt(result.bonus),
                deduction: fmt(result.deduction),
              })}
            </TableCell>
          </TableRow>
          {result.vetoes.length > 0 && (
            <TableRow>
              <TableCell sx={cell}>{translate('kaoping.result.vetoes')}</TableCell>
              <TableCell sx={cell} colSpan={3}>
                {result.vetoes.map(v => ruleName(labels, v)).join(translate('kaoping.fmt.list'))}
              </TableCell>
            </TableRow>
          )}
        </TableBody>
      </Table>
      <Typography variant="subtitle1" sx={{ fontWeight: 700 }}>
        {translate('feedback.indicators')}
      </Typography>
      <Table size="small" sx={{ mb: 2 }}>
        <TableHead>
          <TableRow>
            <TableCell sx={{ ...cell, fontWeight: 700 }}>{translate('kaoping.scheme.node')}</TableCell>
            <TableCell sx={{ ...num, fontWeight: 700 }} align="right">
              {translate('kaoping.scheme.max_points')}
            </TableCell>
            <TableCell sx={{ ...num, fontWeight: 700 }} align="right">
              {translate('kaoping.scheme.points')}
            </TableCell>
            <TableCell sx={{ ...cell, fontWeight: 700 }}>{translate('kaoping.result.explain')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {result.nodes.map(n => (
            <TableRow key={n.code} className="feedback-row">
              <TableCell
                sx={{
                  ...cell,
                  fontWeight: n.explain === null && !n.out ? 700 : 400,
                  pl: 1 + 2 * (labels.depth.get(`${result.group}:${n.code}`) ?? 0),
                }}
              >
                {n.name}
              </TableCell>
              <TableCell sx={num} align="right">
                {fmt(n.maxPoints)}
              </TableCell>
              <TableCell sx={num} align="right">
                {fmt(n.points)}
              </TableCell>
              <TableCell sx={cell}>{n.out ? translate('kaoping.result.out') : (n.explain ?? '')}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      <Typography variant="subtitle1" sx={{ fontWeight: 700 }}>
        {translate('feedback.adjustments')}
      </Typography>
      <Table size="small" sx={{ mb: 2 }}>
        <TableBody>
          <TableRow>
            <TableCell sx={{ ...cell, width: '20%' }}>{translate('kaoping.result.bonus')}</TableCell>
            <TableCell sx={cell} data-testid="feedback-bonuses">
              {bonuses.length
                ? bonuses
                    .map(a =>
                      translate('feedback.item', {
                        rule: ruleName(labels, a.rule),
                        points: signed(adjustmentPoints(labels, a)),
                      }),
                    )
                    .join(translate('kaoping.fmt.items'))
                : translate('feedback.none')}
            </TableCell>
          </TableRow>
          <TableRow>
            <TableCell sx={cell}>{translate('kaoping.result.deduction')}</TableCell>
            <TableCell sx={cell} data-testid="feedback-deductions">
              {deductions.length
                ? deductions
                    .map(a =>
                      translate('feedback.item', {
                        rule: ruleName(labels, a.rule),
                        points: signed(adjustmentPoints(labels, a)),
                      }),
                    )
                    .join(translate('kaoping.fmt.items'))
                : translate('feedback.none')}
            </TableCell>
          </TableRow>
        </TableBody>
      </Table>
      {result.warnings.length > 0 && (
        <Typography variant="body2" sx={{ mb: 2 }}>
          {translate('feedback.warnings')}
          {result.warnings
            .map(w => `${w.indicator} ${translate(`kaoping.scheme.warning.${w.code}`, { _: w.code })}`)
            .join(translate('kaoping.fmt.items'))}
        </Typography>
      )}
      <Typography variant="body2" sx={{ mt: 4 }}>
        {translate('feedback.footer')}
      </Typography>
    </Box>
  );
};

export default FeedbackSheet;
