// The grid: subjects (rows) × a group's indicators (columns, split into the fields each method
// reads). Plain inputs rather than MUI TextFields, so a few thousand cells stay quick; a cell's
// problem shows as a red border with the reason as its tooltip (and in the list under the grid).
import { Box, Table, TableBody, TableCell, TableContainer, TableHead, TableRow, Typography } from '@mui/material';
import { memo } from 'react';
import { Link, useTranslate } from 'react-admin';
import type { SubjectRecord } from './api';
import { gradeLevels, type Column, type Field, type SubColumn } from './model';

export const cellKey = (subject: string, indicator: string) => `${subject}\u0000${indicator}`;

export interface CellView {
  text: string;
  error?: string;
  changed?: boolean;
}

interface CellProps {
  subject: string;
  indicator: string;
  field: Field;
  /** For screen readers: subject, indicator and field. */
  label: string;
  row: number;
  sub: number;
  view: CellView;
  readOnly: boolean;
  onEdit: (subject: string, indicator: string, field: Field, text: string) => void;
  onPasteBlock: (row: number, sub: number, text: string) => boolean;
}

const Cell = memo(({ subject, indicator, field, label, row, sub, view, readOnly, onEdit, onPasteBlock }: CellProps) => (
  <TableCell
    sx={{
      p: 0.25,
      minWidth: 72,
      bgcolor: view.error ? 'rgba(211,47,47,0.08)' : view.changed ? 'rgba(25,118,210,0.08)' : undefined,
    }}
    title={view.error}
  >
    <Box
      component="input"
      data-testid={`cell-${subject}-${indicator}-${field}`}
      data-row={row}
      data-sub={sub}
      aria-label={label}
      aria-invalid={view.error ? true : undefined}
      readOnly={readOnly}
      value={view.text}
      onChange={(e: React.ChangeEvent<HTMLInputElement>) => onEdit(subject, indicator, field, e.target.value)}
      onKeyDown={(e: React.KeyboardEvent<HTMLInputElement>) => {
        // Enter and ↑/↓ move along the column, as in a spreadsheet
        const step = e.key === 'Enter' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowUp' ? -1 : 0;
        if (!step) return;
        const next = e.currentTarget
          .closest('table')
          ?.querySelector<HTMLInputElement>(`input[data-row="${row + step}"][data-sub="${sub}"]`);
        if (next) {
          e.preventDefault();
          next.focus();
          next.select();
        }
      }}
      onPaste={(e: React.ClipboardEvent<HTMLInputElement>) => {
        if (readOnly) return;
        if (onPasteBlock(row, sub, e.clipboardData.getData('text/plain'))) e.preventDefault();
      }}
      sx={{
        width: '100%',
        boxSizing: 'border-box',
        font: 'inherit',
        fontSize: 13,
        textAlign: field === 'grade' ? 'center' : 'right',
        px: 0.5,
        py: 0.5,
        border: '1px solid',
        borderColor: view.error ? 'error.main' : 'transparent',
        borderRadius: 0.5,
        bgcolor: 'transparent',
        outline: 'none',
        '&:focus': { borderColor: view.error ? 'error.main' : 'primary.main', bgcolor: 'background.paper' },
      }}
    />
  </TableCell>
));

export interface EntryGridProps {
  columns: Column[];
  subs: SubColumn[];
  subjects: SubjectRecord[];
  view: (subject: string, indicator: string, field: Field) => CellView;
  readOnly: boolean;
  onEdit: CellProps['onEdit'];
  onPasteBlock: CellProps['onPasteBlock'];
}

const EntryGrid = ({ columns, subs, subjects, view, readOnly, onEdit, onPasteBlock }: EntryGridProps) => {
  const translate = useTranslate();
  return (
    <TableContainer sx={{ width: 0, minWidth: '100%', border: 1, borderColor: 'divider' }} data-testid="entry-grid">
      <Table size="small" sx={{ '& th, & td': { borderRight: 1, borderColor: 'divider' } }}>
        <TableHead>
          <TableRow>
            <TableCell
              rowSpan={2}
              sx={{ minWidth: 140, position: 'sticky', left: 0, zIndex: 3, bgcolor: 'background.paper' }}
            >
              {translate('dataEntry.subject')}
            </TableCell>
            {columns.map(c => (
              <TableCell
                key={c.code}
                colSpan={Math.max(1, c.fields.length)}
                align="center"
                data-testid={`col-${c.code}`}
                sx={{ verticalAlign: 'bottom' }}
              >
                {c.path.length > 0 && (
                  <Typography
                    variant="caption"
                    color="text.secondary"
                    component="div"
                    noWrap
                    title={c.path.join(' › ')}
                  >
                    {c.path.join(' › ')}
                  </Typography>
                )}
                <Typography variant="body2" component="div" sx={{ fontWeight: 600 }}>
                  {c.name}
                  {c.unit ? translate('dataEntry.unit', { unit: c.unit }) : ''}
                </Typography>
                <Typography variant="caption" color="text.secondary" component="div">
                  {translate(`kaoping.scheme.methods.${c.method.type}`)}
                  {c.method.type === 'SCORE' ? ` 0–${c.method.max ?? 100}` : ''}
                  {c.method.type === 'GRADE' ? ` ${gradeLevels(c.method.levels).join('/')}` : ''}
                </Typography>
              </TableCell>
            ))}
          </TableRow>
          <TableRow>
            {subs.map(s => (
              <TableCell key={`${s.column.code}-${s.field ?? ''}`} align="center" sx={{ fontSize: 12 }}>
                {translate(`dataEntry.field.${s.field ?? 'none'}`)}
              </TableCell>
            ))}
          </TableRow>
        </TableHead>
        <TableBody>
          {subjects.map((subject, row) => (
            <TableRow key={subject.code} hover data-testid={`entry-row-${subject.code}`}>
              <TableCell
                sx={{ position: 'sticky', left: 0, bgcolor: 'background.paper', zIndex: 1, whiteSpace: 'nowrap' }}
              >
                {subject.name}
                <Typography variant="caption" color="text.secondary" sx={{ ml: 0.5 }}>
                  {subject.code}
                </Typography>
              </TableCell>
              {subs.map((s, sub) =>
                s.field ? (
                  <Cell
                    key={`${s.column.code}-${s.field}`}
                    subject={subject.code}
                    indicator={s.column.code}
                    field={s.field}
                    label={`${subject.name} ${s.column.name} ${translate(`dataEntry.field.${s.field}`)}`}
                    row={row}
                    sub={sub}
                    view={view(subject.code, s.column.code, s.field)}
                    readOnly={readOnly}
                    onEdit={onEdit}
                    onPasteBlock={onPasteBlock}
                  />
                ) : (
                  <TableCell key={s.column.code} sx={{ color: 'text.secondary', fontSize: 12, whiteSpace: 'nowrap' }}>
                    {s.column.method.type === 'SURVEY' ? (
                      <Link to="/ballots">{translate('dataEntry.survey_cell')}</Link>
                    ) : (
                      translate('dataEntry.linked_cell')
                    )}
                  </TableCell>
                ),
              )}
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

export default EntryGrid;
