// The scheme's groups as tabs, each group's tree with weights, live max points, method and
// parameters; while DRAFT (and for an ADMIN) weights and TARGET/LADDER/SCORE parameters are
// editable, validated in the browser with validateScheme, and saved with updateSchemeDefinition.
import { validateScheme, type Problem } from '@kaoping/shared';
import { Alert, Box, Button as MuiButton, Chip, CircularProgress, IconButton, MenuItem, Stack, Tab, Tabs, TextField, Tooltip, Typography } from '@mui/material';
import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import InsightsIcon from '@mui/icons-material/Insights';
import SaveIcon from '@mui/icons-material/Save';
import { Fragment, useEffect, useMemo, useState } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { codeOf, exportScheme, updateSchemeDefinition, type SchemeRecord } from './api';
import PreviewPanel from './PreviewPanel';
import ProblemList from './ProblemList';
import { formatPoints, maxPointsOf, problemNode, setAt, type TreeNode } from './tree';

type Definition = { precision?: number; groups?: { code: string; name: string; root: TreeNode }[] } & Record<string, unknown>;

interface NumInputProps {
  value: unknown;
  onChange: (v: unknown) => void;
  label?: string;
  optional?: boolean;
  testId?: string;
  width?: number;
}

/** A number field that keeps what is typed; an unparsable entry is passed on as is (validation reports it). */
const NumInput = ({ value, onChange, label, optional, testId, width = 90 }: NumInputProps) => {
  const [text, setText] = useState(value === undefined || value === null ? '' : String(value));
  return (
    <TextField
      size="small"
      variant="outlined"
      label={label}
      value={text}
      sx={{ width }}
      slotProps={{ htmlInput: { inputMode: 'decimal', 'data-testid': testId } }}
      onChange={e => {
        const t = e.target.value;
        setText(t);
        if (t.trim() === '') onChange(optional ? undefined : t);
        else onChange(Number.isFinite(Number(t)) ? Number(t) : t);
      }}
    />
  );
};

const paramSummary = (method: TreeNode['method']): string => {
  if (!method) return '';
  const { type: _type, ...rest } = method;
  return Object.keys(rest).length === 0 ? '—' : JSON.stringify(rest);
};

interface NodeRowProps {
  node: TreeNode;
  pointer: string; // JSON Pointer of the node in the definition
  rel: string; // relative to the group's root, for maxPoints
  depth: number;
  maxPoints: Map<string, number>;
  precision: number;
  editable: boolean;
  problemsAt: Map<string, Problem[]>;
  update: (pointer: string, value: unknown) => void;
  previewOpen: string | null;
  setPreviewOpen: (p: string | null) => void;
}

const MethodParams = ({ node, pointer, editable, update }: Pick<NodeRowProps, 'node' | 'pointer' | 'editable' | 'update'>) => {
  const translate = useTranslate();
  const m = node.method!;
  const mp = `${pointer}/method`;
  if (!editable || !['TARGET', 'LADDER', 'SCORE'].includes(m.type)) {
    return <Typography variant="body2" sx={{ fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' }}>{paramSummary(m)}</Typography>;
  }
  if (m.type === 'SCORE') {
    return <NumInput label={translate('kaoping.scheme.param.max')} value={m.max} optional onChange={v => update(`${mp}/max`, v)} testId={`param-${node.code}-max`} />;
  }
  if (m.type === 'TARGET') {
    return (
      <Stack direction="row" spacing={1} sx={{ alignItems: 'center' }}>
        <TextField
          select
          size="small"
          label={translate('kaoping.scheme.param.direction')}
          value={(m.direction as string) ?? 'HIGHER'}
          onChange={e => update(`${mp}/direction`, e.target.value)}
          sx={{ width: 120 }}
        >
          <MenuItem value="HIGHER">{translate('kaoping.scheme.param.HIGHER')}</MenuItem>
          <MenuItem value="LOWER">{translate('kaoping.scheme.param.LOWER')}</MenuItem>
        </TextField>
        <NumInput label={translate('kaoping.scheme.param.floor')} value={m.floor} optional onChange={v => update(`${mp}/floor`, v)} testId={`param-${node.code}-floor`} />
        <NumInput label={translate('kaoping.scheme.param.cap')} value={m.cap} optional onChange={v => update(`${mp}/cap`, v)} testId={`param-${node.code}-cap`} />
      </Stack>
    );
  }
  // LADDER
  const steps = (Array.isArray(m.steps) ? m.steps : []) as { min?: number; max?: number; score: number }[];
  return (
    <Stack spacing={1}>
      <TextField
        select
        size="small"
        label={translate('kaoping.scheme.param.basis')}
        value={(m.basis as string) ?? 'VALUE'}
        onChange={e => update(`${mp}/basis`, e.target.value)}
        sx={{ width: 140 }}
      >
        <MenuItem value="VALUE">{translate('kaoping.scheme.param.VALUE')}</MenuItem>
        <MenuItem value="RATIO">{translate('kaoping.scheme.param.RATIO')}</MenuItem>
      </TextField>
      {steps.map((s, i) => (
        <Stack key={`${i}-${steps.length}`} direction="row" spacing={1} sx={{ alignItems: 'center' }}>
          <NumInput label={translate('kaoping.scheme.param.min')} value={s.min} optional onChange={v => update(`${mp}/steps/${i}/min`, v)} width={80} />
          <NumInput label={translate('kaoping.scheme.param.max')} value={s.max} optional onChange={v => update(`${mp}/steps/${i}/max`, v)} width={80} />
          <NumInput label={translate('kaoping.scheme.param.score')} value={s.score} onChange={v => update(`${mp}/steps/${i}/score`, v)} width={80} />
          <IconButton size="small" aria-label={translate('ra.action.remove')} onClick={() => update(`${mp}/steps`, steps.filter((_, j) => j !== i))}>
            <DeleteIcon fontSize="small" />
          </IconButton>
        </Stack>
      ))}
      <Box>
        <MuiButton size="small" startIcon={<AddIcon />} onClick={() => update(`${mp}/steps`, [...steps, { score: 0 }])}>
          {translate('kaoping.scheme.param.add_step')}
        </MuiButton>
      </Box>
    </Stack>
  );
};

const NodeRow = (props: NodeRowProps) => {
  const { node, pointer, rel, depth, maxPoints, precision, editable, problemsAt, update, previewOpen, setPreviewOpen } = props;
  const translate = useTranslate();
  const problems = problemsAt.get(pointer) ?? [];
  const isIndicator = !!node.method;
  const max = maxPoints.get(rel);
  return (
    <>
      <Box
        data-testid={`node-${node.code}`}
        sx={{
          display: 'grid',
          gridTemplateColumns: 'minmax(240px, 2fr) 110px 90px 110px minmax(200px, 3fr) 48px',
          alignItems: 'center',
          gap: 1,
          py: 0.75,
          borderBottom: '1px solid',
          borderColor: 'divider',
          bgcolor: problems.length ? 'rgba(211,47,47,0.05)' : undefined,
        }}
      >
        <Box sx={{ pl: depth * 3 }}>
          <Typography variant="body2" sx={{ fontWeight: isIndicator ? 400 : 600 }}>
            {node.name} {node.unit ? <Typography component="span" variant="caption" color="text.secondary">（{node.unit}）</Typography> : null}
          </Typography>
          <Typography variant="caption" color="text.secondary" sx={{ fontFamily: 'monospace' }}>{node.code}</Typography>
        </Box>
        <Box>
          {editable && depth > 0 ? (
            <NumInput value={node.weight} onChange={v => update(`${pointer}/weight`, v)} testId={`weight-${node.code}`} label={translate('kaoping.scheme.weight')} />
          ) : (
            <Typography variant="body2" data-testid={`weight-${node.code}`}>{String(node.weight)}</Typography>
          )}
        </Box>
        <Typography variant="body2" data-testid={`max-${node.code}`} sx={{ fontWeight: 600 }}>{formatPoints(max, precision)}</Typography>
        <Box>{isIndicator ? <Chip size="small" variant="outlined" label={translate(`kaoping.scheme.methods.${node.method!.type}`, { _: node.method!.type })} /> : null}</Box>
        <Box>{isIndicator ? <MethodParams node={node} pointer={pointer} editable={editable} update={update} /> : null}</Box>
        <Box>
          {isIndicator && (
            <Tooltip title={translate('kaoping.scheme.preview')}>
              <IconButton size="small" aria-label={`${translate('kaoping.scheme.preview')} ${node.code}`} onClick={() => setPreviewOpen(previewOpen === pointer ? null : pointer)}>
                <InsightsIcon fontSize="small" />
              </IconButton>
            </Tooltip>
          )}
        </Box>
      </Box>
      {problems.length > 0 && (
        <Box sx={{ pl: depth * 3 + 2 }} data-testid={`problems-${node.code}`}>
          <ProblemList problems={problems} />
        </Box>
      )}
      {isIndicator && previewOpen === pointer && (
        <Box sx={{ pl: depth * 3 + 2, py: 1 }}>
          <PreviewPanel node={node} maxPoints={max} precision={precision} />
        </Box>
      )}
      {(node.children ?? []).map((c, i) => (
        <Fragment key={i}>
          <NodeRow {...props} node={c} pointer={`${pointer}/children/${i}`} rel={`${rel}/children/${i}`} depth={depth + 1} />
        </Fragment>
      ))}
    </>
  );
};

const nodePointers = (def: Definition): string[] => {
  const out: string[] = [];
  const walk = (n: TreeNode, p: string) => {
    out.push(p);
    (n.children ?? []).forEach((c, i) => walk(c, `${p}/children/${i}`));
  };
  (def.groups ?? []).forEach((g, i) => g?.root && walk(g.root, `/groups/${i}/root`));
  return out;
};

const SchemeEditor = ({ record, editable }: { record: SchemeRecord; editable: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [original, setOriginal] = useState<Definition | null>(null);
  const [def, setDef] = useState<Definition | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [tab, setTab] = useState(0);
  const [previewOpen, setPreviewOpen] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  // Bumped on discard, so the inputs (which keep what is typed) start again from the definition.
  const [generation, setGeneration] = useState(0);

  useEffect(() => {
    let live = true;
    exportScheme(record.id)
      .then(d => live && (setOriginal(d as Definition), setDef(d as Definition)))
      .catch(e => live && setLoadError((e as Error).message));
    return () => {
      live = false;
    };
  }, [record.id]);

  const problems = useMemo(() => (def ? validateScheme(def) : []), [def]);
  const problemsAt = useMemo(() => {
    const pointers = def ? nodePointers(def) : [];
    const map = new Map<string, Problem[]>();
    for (const p of problems) {
      const at = problemNode(p.path, pointers);
      map.set(at, [...(map.get(at) ?? []), p]);
    }
    return map;
  }, [def, problems]);

  if (loadError) return <Alert severity="error" sx={{ mt: 2 }}>{loadError}</Alert>;
  if (!def) return <CircularProgress size={20} sx={{ mt: 2 }} />;

  const groups = def.groups ?? [];
  const group = groups[Math.min(tab, groups.length - 1)];
  const groupIndex = Math.min(tab, groups.length - 1);
  const precision = typeof def.precision === 'number' ? def.precision : 2;
  const dirty = def !== original;
  const update = (pointer: string, value: unknown) => setDef(d => (d ? setAt(d, pointer, value) : d));
  const schemeLevel = problemsAt.get('') ?? [];
  const otherGroupsProblems = problems.length - schemeLevel.length - [...problemsAt.entries()].filter(([k]) => k.startsWith(`/groups/${groupIndex}/`)).reduce((a, [, v]) => a + v.length, 0);

  const save = async () => {
    setSaving(true);
    try {
      await updateSchemeDefinition(record.id, record.version, def);
      notify('kaoping.scheme.saved', { type: 'info' });
      refresh();
    } catch (e) {
      if (codeOf(e) === 'CONFLICT') setConflict(true);
      else notify((e as Error).message, { type: 'error' });
    } finally {
      setSaving(false);
    }
  };

  return (
    <Box sx={{ mt: 3 }}>
      {editable ? (
        <Stack direction="row" spacing={2} sx={{ mb: 1, alignItems: 'center' }}>
          <MuiButton variant="contained" startIcon={<SaveIcon />} disabled={!dirty || saving || problems.length > 0} onClick={save}>
            {translate('kaoping.scheme.save')}
          </MuiButton>
          {dirty && <MuiButton onClick={() => (setDef(original), setGeneration(g => g + 1))} disabled={saving}>{translate('kaoping.scheme.discard')}</MuiButton>}
          <Typography variant="body2" color={problems.length ? 'error' : 'text.secondary'} data-testid="editor-state">
            {problems.length
              ? translate('kaoping.scheme.problems_count', { smart_count: problems.length })
              : dirty
                ? translate('kaoping.scheme.unsaved')
                : translate('kaoping.scheme.draft_hint')}
          </Typography>
        </Stack>
      ) : (
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>{translate('kaoping.scheme.readonly_hint')}</Typography>
      )}
      {conflict && (
        <Alert severity="warning" sx={{ mb: 1 }} action={<MuiButton color="inherit" onClick={() => window.location.reload()}>{translate('kaoping.scheme.reload')}</MuiButton>}>
          {translate('kaoping.scheme.conflict')}
        </Alert>
      )}
      {schemeLevel.length > 0 && (
        <Alert severity="error" sx={{ mb: 1 }}><ProblemList problems={schemeLevel} /></Alert>
      )}
      {otherGroupsProblems > 0 && <Alert severity="error" sx={{ mb: 1 }}>{translate('kaoping.scheme.other_tabs_problems', { smart_count: otherGroupsProblems })}</Alert>}
      <Tabs value={groupIndex} onChange={(_, v) => setTab(v)} sx={{ borderBottom: 1, borderColor: 'divider' }}>
        {groups.map((g, i) => (
          <Tab key={i} label={`${g.name}（${g.code}）`} />
        ))}
      </Tabs>
      {group?.root && (
        <GroupTree
          key={`${groupIndex}:${generation}`}
          root={group.root}
          pointer={`/groups/${groupIndex}/root`}
          precision={precision}
          editable={editable}
          problemsAt={problemsAt}
          update={update}
          previewOpen={previewOpen}
          setPreviewOpen={setPreviewOpen}
        />
      )}
    </Box>
  );
};

const GroupTree = (props: Omit<NodeRowProps, 'node' | 'rel' | 'depth' | 'maxPoints'> & { root: TreeNode }) => {
  const translate = useTranslate();
  const maxPoints = useMemo(() => maxPointsOf(props.root), [props.root]);
  return (
    <Box sx={{ overflowX: 'auto' }}>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: 'minmax(240px, 2fr) 110px 90px 110px minmax(200px, 3fr) 48px',
          gap: 1,
          py: 1,
          borderBottom: '2px solid',
          borderColor: 'divider',
          fontWeight: 600,
          fontSize: 14,
        }}
      >
        <span>{translate('kaoping.scheme.node')}</span>
        <span>{translate('kaoping.scheme.weight')}</span>
        <span>{translate('kaoping.scheme.max_points')}</span>
        <span>{translate('kaoping.scheme.method')}</span>
        <span>{translate('kaoping.scheme.params')}</span>
        <span />
      </Box>
      <NodeRow {...props} node={props.root} rel="" depth={0} maxPoints={maxPoints} />
    </Box>
  );
};

export default SchemeEditor;
