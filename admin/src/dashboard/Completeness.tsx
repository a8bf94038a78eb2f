import {
  Box,
  LinearProgress,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import { useTranslate } from 'react-admin';
import { SOURCES } from '../dataEntry/api';
import { percent, type GroupCompleteness } from './api';

/** A percentage bar with "n / of  p%" beside it. */
export const Bar = ({
  n,
  of,
  testId,
  strong,
  label,
}: {
  n: number;
  of: number;
  testId: string;
  strong?: boolean;
  label: string;
}) => {
  const p = percent(n, of);
  return (
    <Stack direction="row" spacing={1} sx={{ alignItems: 'center', minWidth: 150 }} data-testid={testId}>
      <Box sx={{ flex: 1 }}>
        <LinearProgress
          aria-label={label}
          variant="determinate"
          value={p ?? 0}
          color={p === 100 ? 'success' : strong ? 'primary' : 'info'}
          sx={{ height: strong ? 8 : 5, borderRadius: 1 }}
        />
      </Box>
      <Typography variant="caption" sx={{ whiteSpace: 'nowrap', fontWeight: strong ? 600 : 400 }}>
        {n}/{of} {p === null ? '—' : `${p}%`}
      </Typography>
    </Stack>
  );
};

/**
 * Data completeness per group: subjects × indicators expected, what each source entered, and the
 * effective completeness (REVIEW over MONITOR over SELF) — computed by the server.
 */
const Completeness = ({ groups }: { groups: GroupCompleteness[] }) => {
  const translate = useTranslate();
  return (
    <Table size="small" data-testid="completeness">
      <TableHead>
        <TableRow>
          <TableCell>{translate('kaoping.dashboard.completeness.group')}</TableCell>
          <TableCell align="right">{translate('kaoping.dashboard.completeness.expected')}</TableCell>
          <TableCell>{translate('kaoping.dashboard.completeness.effective')}</TableCell>
          {SOURCES.map(s => (
            <TableCell key={s}>{translate(`kaoping.dashboard.source.${s}`)}</TableCell>
          ))}
        </TableRow>
      </TableHead>
      <TableBody>
        {groups.map(g => (
          <TableRow key={g.group} data-testid={`completeness-${g.group}`}>
            <TableCell>
              {g.name}
              <Typography variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
                {g.group}
              </Typography>
            </TableCell>
            <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
              <Tooltip
                title={translate('kaoping.dashboard.completeness.expected_hint', {
                  subjects: g.subjects,
                  indicators: g.indicators,
                })}
              >
                <span data-testid={`completeness-${g.group}-expected`}>
                  {g.subjects} × {g.indicators} = {g.expected}
                </span>
              </Tooltip>
            </TableCell>
            <TableCell>
              <Bar
                n={g.effective}
                of={g.expected}
                testId={`completeness-${g.group}-effective`}
                strong
                label={translate('kaoping.dashboard.completeness.bar', {
                  group: g.name,
                  what: translate('kaoping.dashboard.completeness.effective'),
                  n: g.effective,
                  of: g.expected,
                })}
              />
              {g.notApplicable > 0 && (
                <Typography variant="caption" color="text.secondary">
                  {translate('kaoping.dashboard.completeness.not_applicable', { smart_count: g.notApplicable })}
                </Typography>
              )}
            </TableCell>
            {SOURCES.map(s => {
              const f = g.sources.find(x => x.source === s);
              return (
                <TableCell key={s}>
                  <Bar
                    n={f?.entered ?? 0}
                    of={g.expected}
                    testId={`completeness-${g.group}-${s}`}
                    label={translate('kaoping.dashboard.completeness.bar', {
                      group: g.name,
                      what: translate(`kaoping.dashboard.source.${s}`),
                      n: f?.entered ?? 0,
                      of: g.expected,
                    })}
                  />
                </TableCell>
              );
            })}
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

export default Completeness;
