// The what-if page's left side: weights, grade bands and quotas, rules (points, caps, vetoes, on/off), group caps.
import {
  Box,
  MenuItem,
  Stack,
  Switch,
  Tab,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Tabs,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { useTranslate } from 'react-admin';
import type { Scheme } from '@kaoping/shared';
import NumField from './NumField';
import { nodesOf, setCap, setGrade, setRule, setWeight, type Variant } from './model';

type Props = { variant: Variant; onChange: (v: Variant) => void; group: string; onGroup: (g: string) => void };

const Editor = ({ variant, onChange, group, onGroup }: Props) => {
  const translate = useTranslate();
  const [tab, setTab] = useState<'weights' | 'grades' | 'rules' | 'caps'>('weights');
  const d = variant.definition;
  const edit = (f: (d: Scheme) => Scheme) => onChange({ ...variant, definition: f(d) });
  const named = (name: string, code: string) => translate('kaoping.fmt.named', { name, code });
  const g = d.groups.find(x => x.code === group) ?? d.groups[0];
  return (
    <Box data-testid="whatif-editor">
      <Tabs value={tab} onChange={(_, v) => setTab(v)} variant="scrollable">
        {(['weights', 'grades', 'rules', 'caps'] as const).map(t => (
          <Tab key={t} value={t} label={translate(`kaoping.whatif.tab.${t}`)} />
        ))}
      </Tabs>
      {tab === 'weights' && g && (
        <Box sx={{ mt: 1 }}>
          <TextField
            select
            size="small"
            label={translate('kaoping.whatif.group')}
            value={g.code}
            onChange={e => onGroup(e.target.value)}
            sx={{ minWidth: 240 }}
            slotProps={{ htmlInput: { 'data-testid': 'whatif-group' } }}
          >
            {d.groups.map(x => (
              <MenuItem key={x.code} value={x.code}>
                {named(x.name, x.code)}
              </MenuItem>
            ))}
          </TextField>
          <Table size="small">
            <TableBody>
              {nodesOf(g.root)
                .filter(x => x.depth > 0)
                .map(({ node, depth }) => (
                  <TableRow key={`${g.code}:${node.code}`}>
                    <TableCell sx={{ pl: 1 + depth * 2 }}>{named(node.name, node.code)}</TableCell>
                    <TableCell align="right">
                      <NumField
                        key={`${g.code}:${node.code}`}
                        value={node.weight}
                        ariaLabel={`${named(node.name, node.code)} ${translate('kaoping.whatif.weight')}`}
                        testId={`weight-${g.code}-${node.code}`}
                        onChange={v => edit(x => setWeight(x, g.code, node.code, v ?? NaN))}
                      />
                    </TableCell>
                  </TableRow>
                ))}
            </TableBody>
          </Table>
        </Box>
      )}
      {tab === 'grades' && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell />
              <TableCell>{translate('kaoping.whatif.min_score')}</TableCell>
              <TableCell>{translate('kaoping.whatif.max_share')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {d.grades.map((gr, i) => {
              const last = i === d.grades.length - 1; // the last grade takes everybody left: no band, no quota
              return (
                <TableRow key={gr.code}>
                  <TableCell>{named(gr.name, gr.code)}</TableCell>
                  <TableCell>
                    <NumField
                      value={gr.minScore}
                      ariaLabel={`${gr.name} ${translate('kaoping.whatif.min_score')}`}
                      disabled={last}
                      testId={`grade-${gr.code}-minScore`}
                      onChange={v => edit(x => setGrade(x, i, 'minScore', v))}
                    />
                  </TableCell>
                  <TableCell>
                    <NumField
                      value={gr.maxShare}
                      ariaLabel={`${gr.name} ${translate('kaoping.whatif.max_share')}`}
                      disabled={last}
                      testId={`grade-${gr.code}-maxShare`}
                      onChange={v => edit(x => setGrade(x, i, 'maxShare', v))}
                    />
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {tab === 'rules' && (
        <Table size="small">
          <TableBody>
            {(d.rules ?? []).map(r => {
              const on = !variant.off.includes(r.code);
              const field = (f: 'points' | 'minPoints' | 'maxPoints' | 'maxPerSubject', key: string) => (
                <NumField
                  label={translate(`kaoping.whatif.${key}`)}
                  value={r[f]}
                  testId={`rule-${r.code}-${f}`}
                  width={104}
                  onChange={v => edit(x => setRule(x, r.code, f, v))}
                />
              );
              return (
                <TableRow key={r.code} sx={{ opacity: on ? 1 : 0.5 }}>
                  <TableCell padding="checkbox">
                    <Switch
                      size="small"
                      checked={on}
                      slotProps={{
                        input: {
                          'aria-label': `${r.name} ${translate('kaoping.whatif.rule_on')}`,
                          ...({ 'data-testid': `rule-on-${r.code}` } as object),
                        },
                      }}
                      onChange={e =>
                        onChange({
                          ...variant,
                          off: e.target.checked ? variant.off.filter(c => c !== r.code) : [...variant.off, r.code],
                        })
                      }
                    />
                  </TableCell>
                  <TableCell>
                    {named(r.name, r.code)}
                    <br />
                    <small>{translate(`kaoping.whatif.kind.${r.kind}`)}</small>
                  </TableCell>
                  <TableCell>
                    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
                      {r.kind !== 'VETO' && r.minPoints === undefined && field('points', 'points')}
                      {r.kind !== 'VETO' && r.minPoints !== undefined && (
                        <>
                          {field('minPoints', 'min_points')}
                          {field('maxPoints', 'max_points')}
                        </>
                      )}
                      {r.kind !== 'VETO' && field('maxPerSubject', 'max_per_subject')}
                      {r.kind === 'VETO' && (
                        <TextField
                          select
                          size="small"
                          variant="standard"
                          label={translate('kaoping.whatif.max_grade')}
                          value={r.maxGrade}
                          onChange={e => edit(x => setRule(x, r.code, 'maxGrade', e.target.value))}
                          sx={{ minWidth: 120 }}
                          slotProps={{
                            select: { SelectDisplayProps: { 'data-testid': `rule-${r.code}-maxGrade` } as never },
                          }}
                        >
                          {d.grades.map(gr => (
                            <MenuItem key={gr.code} value={gr.code}>
                              {gr.name}
                            </MenuItem>
                          ))}
                        </TextField>
                      )}
                    </Stack>
                  </TableCell>
                </TableRow>
              );
            })}
          </TableBody>
        </Table>
      )}
      {tab === 'caps' && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell />
              <TableCell>{translate('kaoping.whatif.bonus_cap')}</TableCell>
              <TableCell>{translate('kaoping.whatif.deduction_cap')}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {d.groups.map(x => (
              <TableRow key={x.code}>
                <TableCell>{named(x.name, x.code)}</TableCell>
                <TableCell>
                  <NumField
                    value={x.bonusCap}
                    ariaLabel={`${x.name} ${translate('kaoping.whatif.bonus_cap')}`}
                    testId={`cap-${x.code}-bonusCap`}
                    onChange={v => edit(y => setCap(y, x.code, 'bonusCap', v ?? null))}
                  />
                </TableCell>
                <TableCell>
                  <NumField
                    value={x.deductionCap}
                    ariaLabel={`${x.name} ${translate('kaoping.whatif.deduction_cap')}`}
                    testId={`cap-${x.code}-deductionCap`}
                    onChange={v => edit(y => setCap(y, x.code, 'deductionCap', v ?? null))}
                  />
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
    </Box>
  );
};

export default Editor;
