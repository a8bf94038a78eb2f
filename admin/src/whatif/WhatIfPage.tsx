// 假设分析: a scheme's definition (or next year's DRAFT) over a scheme's current data, re-evaluated
// in the browser with the shared engine on every change; the data is fetched once per source.
import RestoreIcon from '@mui/icons-material/Restore';
import { Alert, Box, Card, CardContent, CircularProgress, MenuItem, Stack, TextField, Typography } from '@mui/material';
import { useDeferredValue, useEffect, useMemo, useState } from 'react';
import { Button, Title, useTranslate } from 'react-admin';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Scheme } from '@kaoping/shared';
import { exportScheme, type SchemeRecord } from '../schemes/api';
import { useCanManageSchemes } from '../schemes/permissions';
import { useRead } from '../dataProvider/useRead';
import { allSchemes } from './api';
import Editor from './Editor';
import { beforeOf, definitionOf, evaluateVariant, type Variant } from './model';
import Results from './Results';
import SaveButton from './SaveButton';

const WhatIfPage = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const canSave = useCanManageSchemes();
  const { id = '' } = useParams();
  const [search] = useSearchParams();
  const from = search.get('from') || id;
  const [schemes, setSchemes] = useState<SchemeRecord[]>([]);
  const [original, setOriginal] = useState<Scheme | null>(null);
  const [loadError, setError] = useState<string | null>(null);
  const [variant, setVariant] = useState<Variant | null>(null);
  const [resets, setResets] = useState(0);
  const [group, setGroup] = useState('');

  useEffect(() => {
    let live = true;
    Promise.all([exportScheme(id), allSchemes()])
      .then(([definition, list]) => {
        if (!live) return;
        const d = definition as unknown as Scheme;
        setOriginal(d);
        setVariant({ definition: d, off: [] });
        setGroup(d.groups[0]?.code ?? '');
        setSchemes(list);
      })
      .catch(e => live && setError((e as Error).message));
    return () => {
      live = false;
    };
  }, [id]);
  const simulation = useRead('simulationData', { schemeId: from });
  const data = simulation.data ?? null;
  const error = loadError ?? simulation.error?.message ?? null;

  const definition = useMemo(() => (variant ? definitionOf(variant) : null), [variant]);
  const deferred = useDeferredValue(definition);
  const before = useMemo(
    () => (data && original ? beforeOf(data.before, original, data.dataset) : null),
    [data, original],
  );
  const outcome = useMemo(
    () => (deferred && data ? evaluateVariant(deferred, data.dataset, before) : null),
    [deferred, data, before],
  );
  const names = useMemo(() => new Map((data?.dataset.subjects ?? []).map(s => [s.code, s.name])), [data]);
  const scheme = schemes.find(s => s.id === id);
  const source = schemes.find(s => s.id === from);
  const changed = !!variant && (variant.off.length > 0 || variant.definition !== original);

  if (error)
    return (
      <Alert severity="error" sx={{ m: 2 }}>
        {error}
      </Alert>
    );
  return (
    <Box sx={{ p: 2 }} data-testid="whatif-page">
      <Title title={translate('kaoping.whatif.title', { name: scheme?.name ?? '' })} />
      <Typography variant="h6">
        {translate('kaoping.whatif.title', {
          name: scheme ? translate('kaoping.fmt.named', { name: scheme.name, code: scheme.code }) : '',
        })}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate('kaoping.whatif.hint')}
      </Typography>
      <Stack direction="row" spacing={2} sx={{ my: 2, alignItems: 'center', flexWrap: 'wrap' }} useFlexGap>
        <TextField
          select
          size="small"
          label={translate('kaoping.whatif.data_from')}
          value={schemes.length ? from : ''}
          sx={{ minWidth: 280 }}
          onChange={e =>
            void navigate(
              `/whatif/${encodeURIComponent(id)}${e.target.value === id ? '' : `?from=${encodeURIComponent(e.target.value)}`}`,
            )
          }
          slotProps={{ htmlInput: { 'data-testid': 'whatif-data-from' } }}
        >
          {schemes.map(s => (
            <MenuItem key={s.id} value={s.id}>
              {translate('kaoping.fmt.named', { name: s.name, code: s.code })}
            </MenuItem>
          ))}
        </TextField>
        {data && (
          <Typography variant="body2">
            {data.before
              ? translate('kaoping.whatif.compared_with_run', { code: source?.code ?? '' })
              : translate('kaoping.whatif.compared_with_baseline')}
          </Typography>
        )}
        {outcome && (
          <Typography variant="body2" color="text.secondary" data-testid="whatif-ms">
            {translate('kaoping.whatif.evaluated_in', { ms: outcome.ms.toFixed(0) })}
          </Typography>
        )}
        <Box sx={{ flex: 1 }} />
        <Button
          label="kaoping.whatif.reset"
          disabled={!changed}
          onClick={() => {
            if (original) setVariant({ definition: original, off: [] });
            setResets(r => r + 1);
          }}
        >
          <RestoreIcon />
        </Button>
        {canSave && definition && (
          <SaveButton definition={definition} disabled={!outcome || outcome.problems.length > 0} />
        )}
      </Stack>
      {!variant || !data || !outcome || !definition ? (
        <Typography>
          <CircularProgress size={16} /> {translate('kaoping.whatif.loading')}
        </Typography>
      ) : (
        <Stack direction={{ xs: 'column', lg: 'row' }} spacing={2}>
          <Card sx={{ flex: '0 0 500px', maxWidth: '100%', alignSelf: 'flex-start' }}>
            <CardContent>
              <Editor key={resets} variant={variant} onChange={setVariant} group={group} onGroup={setGroup} />
            </CardContent>
          </Card>
          <Card sx={{ flex: 1, minWidth: 0 }}>
            <CardContent>
              {outcome.problems.length > 0 ? (
                <Alert severity="warning" data-testid="whatif-problems">
                  {translate('kaoping.whatif.problems')}
                  <ul>
                    {outcome.problems.slice(0, 20).map((p, i) => (
                      <li key={i}>
                        <code>{p.path}</code> {p.message}
                      </li>
                    ))}
                  </ul>
                </Alert>
              ) : (
                <Results
                  outcome={outcome}
                  definition={deferred ?? definition}
                  names={names}
                  group={group}
                  onGroup={setGroup}
                />
              )}
            </CardContent>
          </Card>
        </Stack>
      )}
    </Box>
  );
};

export default WhatIfPage;
