import AddIcon from '@mui/icons-material/Add';
import DeleteIcon from '@mui/icons-material/Delete';
import { Box, Button, FormHelperText, IconButton, MenuItem, Stack, TextField } from '@mui/material';
import { useTranslate } from 'react-admin';
import { getAt } from '../../tree';
import { useEditor } from '../context';
import { NumField, SelectInput, useFieldProblems } from '../fields';
import type { MethodFormProps } from './common';

type Step = Record<string, unknown>;

/**
 * LADDER: steps all with `min` (high to low: the first step the value reaches) or all with `max`
 * (low to high: the first step the value stays within); each step's score is the rate.
 */
const LadderForm = ({ pointer, code }: MethodFormProps) => {
  const translate = useTranslate();
  const { def, editable, update } = useEditor();
  const sp = `${pointer}/steps`;
  const raw = getAt(def, sp);
  const steps = (Array.isArray(raw) ? raw : []) as Step[];
  const bound = steps.length && 'max' in (steps[0] ?? {}) ? 'max' : 'min';
  const stepsProblems = useFieldProblems(sp);
  // Switching the bound renames it in every step and reverses the order, which keeps them sorted.
  const switchBound = (to: string) => {
    if (to === bound) return;
    update(
      sp,
      [...steps].reverse().map(s => {
        const { min, max, ...rest } = s;
        return { [to]: min ?? max, ...rest };
      }),
    );
  };
  return (
    <Stack spacing={1}>
      <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap' }}>
        <SelectInput
          pointer={`${pointer}/basis`}
          label={translate('kaoping.scheme.param.basis')}
          fallback="VALUE"
          testId={`param-${code}-basis`}
          width={160}
          choices={['VALUE', 'RATIO'].map(v => ({ value: v, label: translate(`kaoping.scheme.param.${v}`) }))}
        />
        {editable ? (
          <TextField
            select
            size="small"
            sx={{ width: 220 }}
            label={translate('kaoping.schemeEditor.param.ladder_bound')}
            value={bound}
            onChange={e => switchBound(e.target.value)}
          >
            <MenuItem value="min">{translate('kaoping.schemeEditor.param.ladder_min')}</MenuItem>
            <MenuItem value="max">{translate('kaoping.schemeEditor.param.ladder_max')}</MenuItem>
          </TextField>
        ) : null}
      </Stack>
      {steps.map((_, i) => (
        <Stack
          key={i}
          direction="row"
          spacing={1}
          sx={{ alignItems: 'flex-start' }}
          data-testid={`param-${code}-step-${i}`}
        >
          <NumField
            pointer={`${sp}/${i}/${bound}`}
            label={translate(`kaoping.scheme.param.${bound}`)}
            testId={`param-${code}-step-${i}-${bound}`}
            width={120}
          />
          <NumField
            pointer={`${sp}/${i}/score`}
            label={translate('kaoping.scheme.param.score')}
            testId={`param-${code}-step-${i}-score`}
            width={120}
          />
          {editable && (
            <IconButton
              size="small"
              aria-label={translate('ra.action.remove')}
              onClick={() =>
                update(
                  sp,
                  steps.filter((_, j) => j !== i),
                )
              }
            >
              <DeleteIcon fontSize="small" />
            </IconButton>
          )}
        </Stack>
      ))}
      {stepsProblems.helperText && <FormHelperText error>{stepsProblems.helperText}</FormHelperText>}
      {editable && (
        <Box>
          <Button size="small" startIcon={<AddIcon />} onClick={() => update(sp, [...steps, { [bound]: 0, score: 0 }])}>
            {translate('kaoping.scheme.param.add_step')}
          </Button>
          <FormHelperText>{translate(`kaoping.schemeEditor.hint.ladder_${bound}`)}</FormHelperText>
        </Box>
      )}
    </Stack>
  );
};

export default LadderForm;
