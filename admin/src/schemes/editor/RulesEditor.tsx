// Bonus, deduction and veto rules, in the order the engine applies them, and each group's caps on
// its total bonus and deduction points.
import AddIcon from '@mui/icons-material/Add';
import { Box, Button, Checkbox, ListItemText, MenuItem, Paper, Stack, TextField, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { getAt, insertAt, moveAt, removeAt, setAt } from '../tree';
import { useEditor } from './context';
import { newRule, ruleWithKind, type RuleValue } from './defaults';
import { NumField, SelectInput, TextInput, useFieldProblems } from './fields';
import MoveButtons from './MoveButtons';
import RemoveButton from './RemoveButton';
import { useProblemsText } from './useProblemText';

const RuleGroups = ({ pointer, code }: { pointer: string; code: string }) => {
  const translate = useTranslate();
  const { def, editable, update, problemsUnder } = useEditor();
  const text = useProblemsText();
  const raw = getAt(def, pointer);
  const value = (Array.isArray(raw) ? raw : []).map(String);
  const groups = (def.groups ?? []).map(g => ({ code: String(g?.code), name: String(g?.name ?? '') }));
  const problems = problemsUnder(pointer);
  const nameOf = (c: string) => groups.find(g => g.code === c)?.name ?? c;
  const sep = translate('kaoping.fmt.list');
  if (!editable)
    return (
      <Typography variant="body2" data-testid={`rule-${code}-groups`}>
        {value.map(nameOf).join(sep) || '—'}
      </Typography>
    );
  return (
    <TextField
      select
      size="small"
      label={translate('kaoping.schemeEditor.field.groups')}
      value={value}
      sx={{ minWidth: 260, maxWidth: 520 }}
      error={problems.length > 0}
      helperText={text(problems)}
      slotProps={{
        select: {
          multiple: true,
          renderValue: v => (v as string[]).map(nameOf).join(sep),
          SelectDisplayProps: { 'data-testid': `rule-${code}-groups` } as never,
        },
      }}
      onChange={e => update(pointer, e.target.value)}
    >
      {groups.map(g => (
        <MenuItem key={g.code} value={g.code}>
          <Checkbox size="small" checked={value.includes(g.code)} />
          <ListItemText primary={translate('kaoping.fmt.named', { name: g.name, code: g.code })} />
        </MenuItem>
      ))}
    </TextField>
  );
};

const RuleCard = ({ index, count }: { index: number; count: number }) => {
  const translate = useTranslate();
  const { def, editable, change } = useEditor();
  const p = `/rules/${index}`;
  const rule = (def.rules?.[index] ?? {}) as RuleValue;
  const code = String(rule.code ?? index);
  const ranged = rule.minPoints !== undefined || rule.maxPoints !== undefined;
  const cardProblems = useFieldProblems(p);
  const pickMode = (mode: string) =>
    change(d => {
      const r = { ...(getAt(d, p) as RuleValue) };
      if (mode === 'range') {
        const pts = typeof r.points === 'number' ? r.points : 1;
        delete r.points;
        return setAt(d, p, { ...r, minPoints: 0, maxPoints: pts });
      }
      const pts = typeof r.maxPoints === 'number' ? r.maxPoints : 1;
      delete r.minPoints;
      delete r.maxPoints;
      return setAt(d, p, { ...r, points: pts });
    });
  return (
    <Paper
      variant="outlined"
      sx={{ p: 1.5, borderColor: cardProblems.error ? 'error.main' : undefined }}
      data-testid={`rule-${code}`}
    >
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
        <TextInput
          pointer={`${p}/code`}
          label={translate('kaoping.schemeEditor.field.code')}
          testId={`rule-${code}-code`}
          width={170}
          mono
        />
        <TextInput
          pointer={`${p}/name`}
          label={translate('kaoping.schemeEditor.field.name')}
          testId={`rule-${code}-name`}
          width={220}
        />
        <SelectInput
          pointer={`${p}/kind`}
          label={translate('kaoping.schemeEditor.field.rule_kind')}
          testId={`rule-${code}-kind`}
          width={130}
          choices={['BONUS', 'DEDUCTION', 'VETO'].map(k => ({
            value: k,
            label: translate(`kaoping.schemeEditor.rule_kind.${k}`),
          }))}
          onPick={k => change(d => setAt(d, p, ruleWithKind(getAt(d, p) as RuleValue, k as RuleValue['kind'], d)))}
        />
        <RuleGroups pointer={`${p}/groups`} code={code} />
        <Box sx={{ flex: 1 }} />
        {editable && (
          <Box>
            <MoveButtons
              what={code}
              index={index}
              count={count}
              onMove={delta => change(d => moveAt(d, p, delta).doc)}
            />
            <RemoveButton what={code} testId={`rule-${code}-remove`} onRemove={() => change(d => removeAt(d, p))} />
          </Box>
        )}
      </Stack>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start', mt: 1.5 }}>
        {rule.kind === 'VETO' ? (
          <SelectInput
            pointer={`${p}/maxGrade`}
            label={translate('kaoping.schemeEditor.field.maxGrade')}
            testId={`rule-${code}-maxGrade`}
            width={220}
            choices={(def.grades ?? []).map(g => ({
              value: String(g?.code),
              label: translate('kaoping.fmt.named', { name: String(g?.name ?? ''), code: String(g?.code) }),
            }))}
          />
        ) : (
          <>
            {editable ? (
              <TextField
                select
                size="small"
                sx={{ width: 170 }}
                label={translate('kaoping.schemeEditor.field.points_mode')}
                value={ranged ? 'range' : 'fixed'}
                onChange={e => pickMode(e.target.value)}
                slotProps={{ select: { SelectDisplayProps: { 'data-testid': `rule-${code}-mode` } as never } }}
              >
                <MenuItem value="fixed">{translate('kaoping.schemeEditor.points_mode.fixed')}</MenuItem>
                <MenuItem value="range">{translate('kaoping.schemeEditor.points_mode.range')}</MenuItem>
              </TextField>
            ) : null}
            {ranged ? (
              <>
                <NumField
                  pointer={`${p}/minPoints`}
                  label={translate('kaoping.schemeEditor.field.minPoints')}
                  testId={`rule-${code}-minPoints`}
                  width={130}
                />
                <NumField
                  pointer={`${p}/maxPoints`}
                  label={translate('kaoping.schemeEditor.field.maxPoints')}
                  testId={`rule-${code}-maxPoints`}
                  width={130}
                />
              </>
            ) : (
              <NumField
                pointer={`${p}/points`}
                label={translate('kaoping.schemeEditor.field.points')}
                testId={`rule-${code}-points`}
                width={150}
              />
            )}
            <NumField
              pointer={`${p}/maxPerSubject`}
              optional
              label={translate('kaoping.schemeEditor.field.maxPerSubject')}
              testId={`rule-${code}-maxPerSubject`}
              width={190}
              hint={translate('kaoping.schemeEditor.hint.no_cap')}
            />
          </>
        )}
      </Stack>
      {cardProblems.helperText && (
        <Typography variant="caption" color="error">
          {cardProblems.helperText}
        </Typography>
      )}
    </Paper>
  );
};

const GroupCaps = () => {
  const translate = useTranslate();
  const { def } = useEditor();
  return (
    <Stack spacing={1}>
      <Typography variant="subtitle1">{translate('kaoping.schemeEditor.group_caps')}</Typography>
      {(def.groups ?? []).map((g, i) => (
        <Stack key={i} direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <Typography variant="body2" sx={{ width: 220, pt: 1 }}>
            {translate('kaoping.fmt.named', { name: g?.name ?? '', code: g?.code ?? '' })}
          </Typography>
          <NumField
            pointer={`/groups/${i}/bonusCap`}
            nullable
            label={translate('kaoping.schemeEditor.field.bonusCap')}
            testId={`group-${g?.code}-bonusCap`}
            width={170}
            hint={translate('kaoping.schemeEditor.hint.no_cap')}
          />
          <NumField
            pointer={`/groups/${i}/deductionCap`}
            nullable
            label={translate('kaoping.schemeEditor.field.deductionCap')}
            testId={`group-${g?.code}-deductionCap`}
            width={170}
            hint={translate('kaoping.schemeEditor.hint.no_cap')}
          />
        </Stack>
      ))}
    </Stack>
  );
};

const RulesEditor = () => {
  const translate = useTranslate();
  const { def, editable, change } = useEditor();
  const rules = def.rules ?? [];
  return (
    <Stack spacing={2} sx={{ py: 2 }}>
      <Typography variant="body2" color="text.secondary">
        {translate('kaoping.schemeEditor.rules_help')}
      </Typography>
      {rules.map((_, i) => (
        <RuleCard key={i} index={i} count={rules.length} />
      ))}
      {editable && (
        <Box>
          <Button
            startIcon={<AddIcon />}
            data-testid="add-rule"
            onClick={() => change(d => insertAt(d, '/rules', newRule(d, translate('kaoping.schemeEditor.new_rule'))))}
          >
            {translate('kaoping.schemeEditor.add_rule')}
          </Button>
        </Box>
      )}
      <GroupCaps />
    </Stack>
  );
};

export default RulesEditor;
