// The scheme editor (loaded lazily with the engine): the definition is loaded with exportScheme,
// edited in memory (tree, methods, rules, grades, settings), validated in the browser with the
// engine's validateScheme on every change — each problem shown at its field or node — and saved
// whole with updateSchemeDefinition and the version it was loaded at (CONFLICT: reload).
// Read-only unless the scheme is a DRAFT and the user may manage schemes.
import { validateScheme, type Problem } from '@kaoping/shared';
import SaveIcon from '@mui/icons-material/Save';
import { Alert, Box, Button as MuiButton, Stack, Tab, Tabs, Typography } from '@mui/material';
import { useCallback, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useNotify, useRefresh, useTranslate } from 'react-admin';
import { codeOf, exportScheme, updateSchemeDefinition, type SchemeRecord } from './api';
import { EditorContext, type Definition, type EditorApi } from './editor/context';
import GradesEditor from './editor/GradesEditor';
import RulesEditor from './editor/RulesEditor';
import SchemeSettings from './editor/SchemeSettings';
import TreePanel from './editor/TreePanel';
import ProblemList from './ProblemList';
import { nodePointers, problemNode, setAt } from './tree';
import Spinner from '../layout/Spinner';

type Section = 'tree' | 'rules' | 'grades' | 'general';
const SECTIONS: Section[] = ['tree', 'rules', 'grades', 'general'];
const sectionOf = (path: string): Section =>
  path.startsWith('/groups')
    ? 'tree'
    : path.startsWith('/rules')
      ? 'rules'
      : path.startsWith('/grades')
        ? 'grades'
        : 'general';
const under = (path: string, prefix: string) => path === prefix || path.startsWith(`${prefix}/`);

const Count = ({ n }: { n: number }) =>
  n > 0 ? (
    <Box
      component="span"
      sx={{ ml: 0.75, px: 0.75, borderRadius: 1, bgcolor: 'error.main', color: 'error.contrastText', fontSize: 12 }}
    >
      {n}
    </Box>
  ) : null;

const SchemeEditor = ({ record, editable }: { record: SchemeRecord; editable: boolean }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [original, setOriginal] = useState<Definition | null>(null);
  const [def, setDef] = useState<Definition | null>(null);
  const [loadError, setLoadError] = useState<string | null>(null);
  const [section, setSection] = useState<Section>('tree');
  const [tab, setTab] = useState(0);
  const [saving, setSaving] = useState(false);
  const [conflict, setConflict] = useState(false);
  const [localInvalid, setLocalInvalidSet] = useState<ReadonlySet<string>>(new Set());
  // Bumped on discard, so that forms holding local state start again from the definition.
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
  const byPath = useMemo(() => {
    const map = new Map<string, Problem[]>();
    for (const p of problems) map.set(p.path, [...(map.get(p.path) ?? []), p]);
    return map;
  }, [problems]);
  const nodeProblems = useMemo(() => {
    const pointers = def ? nodePointers(def) : [];
    const map = new Map<string, Problem[]>();
    for (const p of problems) {
      const at = problemNode(p.path, pointers);
      if (at) map.set(at, [...(map.get(at) ?? []), p]);
    }
    return map;
  }, [def, problems]);

  const setLocalInvalid = useCallback((key: string, invalid: boolean) => {
    setLocalInvalidSet(s => {
      if (s.has(key) === invalid) return s;
      const next = new Set(s);
      if (invalid) next.add(key);
      else next.delete(key);
      return next;
    });
  }, []);

  const api: EditorApi | null = useMemo(
    () =>
      def && {
        def,
        editable,
        update: (pointer, value) => setDef(d => (d ? setAt(d, pointer, value) : d)),
        change: fn => setDef(d => (d ? fn(d) : d)),
        problemsAt: pointer => byPath.get(pointer) ?? [],
        problemsUnder: pointer => problems.filter(p => under(p.path, pointer)),
        setLocalInvalid,
      },
    [def, editable, byPath, problems, setLocalInvalid],
  );

  if (loadError)
    return (
      <Alert severity="error" sx={{ mt: 2 }}>
        {loadError}
      </Alert>
    );
  if (!def || !api) return <Spinner size={20} sx={{ mt: 2 }} />;

  const groups = def.groups ?? [];
  const groupIndex = Math.max(0, Math.min(tab, groups.length - 1));
  const group = groups[groupIndex];
  const precision = typeof def.precision === 'number' ? def.precision : 2;
  const dirty = def !== original;
  const counts = Object.fromEntries(
    SECTIONS.map(s => [s, problems.filter(p => sectionOf(p.path) === s).length]),
  ) as Record<Section, number>;
  const generalProblems = problems.filter(p => sectionOf(p.path) === 'general');

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

  let body: ReactNode;
  if (section === 'rules') body = <RulesEditor />;
  else if (section === 'grades') body = <GradesEditor />;
  else if (section === 'general')
    body = (
      <>
        {generalProblems.length > 0 && (
          <Alert severity="error" sx={{ mt: 2 }}>
            <ProblemList problems={generalProblems} />
          </Alert>
        )}
        <SchemeSettings />
      </>
    );
  else
    body = (
      <>
        <Tabs
          value={groupIndex}
          onChange={(_, v) => setTab(v)}
          variant="scrollable"
          sx={{ borderBottom: 1, borderColor: 'divider' }}
        >
          {groups.map((g, i) => (
            <Tab
              key={i}
              label={
                <span>
                  {translate('kaoping.fmt.named', { name: g?.name ?? '', code: g?.code ?? '' })}
                  <Count n={problems.filter(p => under(p.path, `/groups/${i}`)).length} />
                </span>
              }
            />
          ))}
        </Tabs>
        {group?.root && (
          <TreePanel
            key={groupIndex}
            groupIndex={groupIndex}
            code={String(group.code)}
            kind={group.kind}
            root={group.root}
            precision={precision}
            nodeProblems={nodeProblems}
          />
        )}
      </>
    );

  return (
    <EditorContext.Provider value={api}>
      <Box sx={{ mt: 3 }} key={generation}>
        {editable ? (
          <Stack direction="row" spacing={2} sx={{ mb: 1, alignItems: 'center' }}>
            <MuiButton
              variant="contained"
              startIcon={<SaveIcon />}
              disabled={!dirty || saving || problems.length > 0 || localInvalid.size > 0}
              onClick={() => void save()}
            >
              {translate('kaoping.scheme.save')}
            </MuiButton>
            {dirty && (
              <MuiButton onClick={() => (setDef(original), setGeneration(g => g + 1))} disabled={saving}>
                {translate('kaoping.scheme.discard')}
              </MuiButton>
            )}
            <Typography
              variant="body2"
              color={problems.length || localInvalid.size ? 'error' : 'text.secondary'}
              data-testid="editor-state"
            >
              {problems.length
                ? translate('kaoping.scheme.problems_count', { smart_count: problems.length })
                : localInvalid.size
                  ? translate('kaoping.schemeEditor.local_invalid')
                  : dirty
                    ? translate('kaoping.scheme.unsaved')
                    : translate('kaoping.scheme.draft_hint')}
            </Typography>
          </Stack>
        ) : (
          <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
            {translate('kaoping.scheme.readonly_hint')}
          </Typography>
        )}
        {conflict && (
          <Alert
            severity="warning"
            sx={{ mb: 1 }}
            action={
              <MuiButton color="inherit" onClick={() => window.location.reload()}>
                {translate('kaoping.scheme.reload')}
              </MuiButton>
            }
          >
            {translate('kaoping.scheme.conflict')}
          </Alert>
        )}
        <Tabs value={section} onChange={(_, v) => setSection(v)} sx={{ mb: 1 }} data-testid="editor-sections">
          {SECTIONS.map(s => (
            <Tab
              key={s}
              value={s}
              label={
                <span>
                  {translate(`kaoping.schemeEditor.section.${s}`)}
                  <Count n={counts[s]} />
                </span>
              }
              data-testid={`section-${s}`}
            />
          ))}
        </Tabs>
        {body}
      </Box>
    </EditorContext.Provider>
  );
};

export default SchemeEditor;
