import { Table, TableBody, TableCell, TableHead, TableRow, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import type { DepartmentCompleteness as Row } from './api';
import { Bar } from './Completeness';

/** Per department: the cells of the indicators it owns, what it entered (MONITOR) and what has any value — computed by the server. */
const DepartmentCompleteness = ({ departments }: { departments: Row[] }) => {
  const translate = useTranslate();
  const t = (k: string) => translate(`kaoping.dashboard.departments.${k}`);
  return (
    <Table size="small" data-testid="department-completeness">
      <TableHead>
        <TableRow>
          <TableCell>{t('department')}</TableCell>
          <TableCell align="right">{t('indicators')}</TableCell>
          <TableCell align="right">{t('expected')}</TableCell>
          <TableCell>{t('entered')}</TableCell>
          <TableCell>{t('effective')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {departments
          .filter(d => d.indicators > 0)
          .map(d => (
            <TableRow key={d.code} data-testid={`department-${d.code}`}>
              <TableCell>
                {d.name}
                <Typography variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
                  {d.code}
                </Typography>
              </TableCell>
              <TableCell align="right">{d.indicators}</TableCell>
              <TableCell align="right">{d.expected}</TableCell>
              <TableCell>
                <Bar
                  n={d.entered}
                  of={d.expected}
                  strong
                  testId={`department-${d.code}-entered`}
                  label={translate('kaoping.dashboard.completeness.bar', {
                    group: d.name,
                    what: t('entered'),
                    n: d.entered,
                    of: d.expected,
                  })}
                />
              </TableCell>
              <TableCell>
                <Bar
                  n={d.effective}
                  of={d.expected}
                  testId={`department-${d.code}-effective`}
                  label={translate('kaoping.dashboard.completeness.bar', {
                    group: d.name,
                    what: t('effective'),
                    n: d.effective,
                    of: d.expected,
                  })}
                />
              </TableCell>
            </TableRow>
          ))}
      </TableBody>
    </Table>
  );
};

export default DepartmentCompleteness;
