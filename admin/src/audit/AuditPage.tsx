// 操作日志: the tenant's audit log with filters (entity, action, person, time) and each record's
// before and after side by side, changed fields highlighted. ADMIN only (the server enforces it).
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Dialog,
  DialogContent,
  DialogTitle,
  MenuItem,
  Paper,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableContainer,
  TableHead,
  TablePagination,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useMemo, useState } from 'react';
import { Title, useTranslate } from 'react-admin';
import { useRead } from '../dataProvider/useRead';
import { AUDIT_ACTIONS, AUDIT_ENTITIES, changedKeys, type AuditEntry, type AuditFilter } from './api';

const PER_PAGE = 25;

/** A value as text: primitives as they are, objects as indented JSON (scrolls when long). */
const Value = ({ v }: { v: unknown }) => {
  if (v === undefined) return <span>—</span>;
  if (v === null || typeof v !== 'object') return <span>{v === null ? 'null' : String(v)}</span>;
  return (
    <Box
      component="pre"
      sx={{ m: 0, maxHeight: 200, overflow: 'auto', fontSize: 12, whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}
    >
      {JSON.stringify(v, null, 2)}
    </Box>
  );
};

const asObject = (v: unknown): Record<string, unknown> =>
  v && typeof v === 'object' ? (v as Record<string, unknown>) : {};

/** Before and after, one row per field; changed fields highlighted. */
const Diff = ({ entry }: { entry: AuditEntry }) => {
  const translate = useTranslate();
  const before = asObject(entry.before);
  const after = asObject(entry.after);
  const changed = changedKeys(entry.before, entry.after);
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  return (
    <TableContainer component={Paper} variant="outlined" data-testid="audit-diff">
      <Table size="small">
        <TableHead>
          <TableRow>
            <TableCell sx={{ width: 160 }}>{translate('kaoping.audit.field')}</TableCell>
            <TableCell>{translate('kaoping.audit.before')}</TableCell>
            <TableCell>{translate('kaoping.audit.after')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {keys.map(k => (
            <TableRow
              key={k}
              sx={changed.has(k) ? { bgcolor: 'warning.light' } : undefined}
              data-testid={`diff-row-${k}`}
            >
              <TableCell sx={{ fontWeight: changed.has(k) ? 600 : 400 }}>{k}</TableCell>
              <TableCell sx={{ verticalAlign: 'top' }}>
                {entry.before === null ? '—' : <Value v={before[k]} />}
              </TableCell>
              <TableCell sx={{ verticalAlign: 'top' }}>{entry.after === null ? '—' : <Value v={after[k]} />}</TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
    </TableContainer>
  );
};

const AuditPage = () => {
  const translate = useTranslate();
  const [filter, setFilter] = useState<AuditFilter>({});
  const [page, setPage] = useState(0);
  const [open, setOpen] = useState<AuditEntry | null>(null);
  // A refused list of people leaves the ids as they are.
  const { data: names } = useRead('people', {});
  const iso = (local?: string) => (local ? new Date(local).toISOString() : undefined);
  const { data, error } = useRead('auditLog', {
    filter: { ...filter, from: iso(filter.from), to: iso(filter.to) },
    page,
    perPage: PER_PAGE,
  });
  const nameOf = useMemo(() => new Map((names ?? []).map(p => [p.id, p.name])), [names]);
  const who = (e: AuditEntry) =>
    e.actorKind === 'user'
      ? (nameOf.get(e.actorId ?? '') ?? e.actorId ?? '—')
      : translate(`kaoping.audit.actor.${e.actorKind}`, { _: e.actorKind });
  const entityName = (entity: string) => translate(`kaoping.audit.entity.${entity}`, { _: entity });
  const set = (patch: AuditFilter) => {
    setPage(0);
    setFilter(f => ({ ...f, ...patch }));
  };
  return (
    <Card sx={{ mt: 1 }}>
      <Title title={translate('kaoping.audit.title')} />
      <CardContent>
        <Stack direction="row" spacing={2} useFlexGap sx={{ flexWrap: 'wrap', mb: 2 }}>
          <TextField
            select
            size="small"
            fullWidth={false}
            sx={{ minWidth: 160 }}
            label={translate('kaoping.audit.filter.entity')}
            value={filter.entity ?? ''}
            onChange={e => set({ entity: e.target.value || undefined })}
            slotProps={{ select: { SelectDisplayProps: { 'data-testid': 'audit-entity' } as object } }}
          >
            <MenuItem value="">{translate('kaoping.audit.filter.all')}</MenuItem>
            {AUDIT_ENTITIES.map(x => (
              <MenuItem key={x} value={x}>
                {entityName(x)}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            fullWidth={false}
            sx={{ minWidth: 160 }}
            label={translate('kaoping.audit.filter.action')}
            value={filter.action ?? ''}
            onChange={e => set({ action: e.target.value || undefined })}
          >
            <MenuItem value="">{translate('kaoping.audit.filter.all')}</MenuItem>
            {AUDIT_ACTIONS.map(x => (
              <MenuItem key={x} value={x}>
                {translate(`kaoping.audit.action.${x}`, { _: x })}
              </MenuItem>
            ))}
          </TextField>
          <TextField
            select
            size="small"
            fullWidth={false}
            sx={{ minWidth: 180 }}
            label={translate('kaoping.audit.filter.person')}
            value={filter.actorId ?? ''}
            onChange={e => set({ actorId: e.target.value || undefined })}
          >
            <MenuItem value="">{translate('kaoping.audit.filter.all')}</MenuItem>
            {(names ?? []).map(p => (
              <MenuItem key={p.id} value={p.id}>
                {p.name}（{p.email}）
              </MenuItem>
            ))}
          </TextField>
          <TextField
            size="small"
            fullWidth={false}
            type="datetime-local"
            label={translate('kaoping.audit.filter.from')}
            value={filter.from ?? ''}
            onChange={e => set({ from: e.target.value || undefined })}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <TextField
            size="small"
            fullWidth={false}
            type="datetime-local"
            label={translate('kaoping.audit.filter.to')}
            value={filter.to ?? ''}
            onChange={e => set({ to: e.target.value || undefined })}
            slotProps={{ inputLabel: { shrink: true } }}
          />
          <Button
            onClick={() => {
              setPage(0);
              setFilter({});
            }}
          >
            {translate('kaoping.audit.filter.clear')}
          </Button>
        </Stack>
        {error && <Alert severity="error">{error.message}</Alert>}
        {!data && !error && <CircularProgress size={24} />}
        {data && data.entries.length === 0 && <Alert severity="info">{translate('kaoping.audit.empty')}</Alert>}
        {data && data.entries.length > 0 && (
          <TableContainer component={Paper} variant="outlined" data-testid="audit-table">
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('kaoping.audit.at')}</TableCell>
                  <TableCell>{translate('kaoping.audit.person')}</TableCell>
                  <TableCell>{translate('kaoping.audit.filter.entity')}</TableCell>
                  <TableCell>{translate('kaoping.audit.filter.action')}</TableCell>
                  <TableCell>{translate('kaoping.audit.record')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {data.entries.map(e => (
                  <TableRow
                    key={e.id}
                    hover
                    sx={{ cursor: 'pointer' }}
                    onClick={() => setOpen(e)}
                    data-testid={`audit-${e.entity}-${e.action}`}
                  >
                    <TableCell>{new Date(e.at).toLocaleString()}</TableCell>
                    <TableCell>{who(e)}</TableCell>
                    <TableCell>{entityName(e.entity)}</TableCell>
                    <TableCell>{translate(`kaoping.audit.action.${e.action}`, { _: e.action })}</TableCell>
                    <TableCell>
                      <Typography variant="caption" color="text.secondary">
                        {e.entityId}
                      </Typography>
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </TableContainer>
        )}
        {data && (
          <TablePagination
            component="div"
            count={data.total}
            page={page}
            rowsPerPage={PER_PAGE}
            rowsPerPageOptions={[PER_PAGE]}
            onPageChange={(_, p) => setPage(p)}
            labelDisplayedRows={({ from, to, count }) => translate('kaoping.audit.rows', { from, to, count })}
          />
        )}
      </CardContent>
      <Dialog open={!!open} onClose={() => setOpen(null)} maxWidth="lg" fullWidth>
        {open && (
          <>
            <DialogTitle>
              {entityName(open.entity)} · {translate(`kaoping.audit.action.${open.action}`, { _: open.action })} ·{' '}
              {who(open)} · {new Date(open.at).toLocaleString()}
            </DialogTitle>
            <DialogContent>
              <Diff entry={open} />
            </DialogContent>
          </>
        )}
      </Dialog>
    </Card>
  );
};

export default AuditPage;
