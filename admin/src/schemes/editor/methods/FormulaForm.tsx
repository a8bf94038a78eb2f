import { Box, Chip, Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { getAt } from '../../tree';
import { useEditor } from '../context';
import { FORMULA_FUNCTIONS, FORMULA_INPUT_VARS, FORMULA_OPERATORS, FORMULA_PEER_VARS } from '../defaults';
import { NumField, TextInput } from '../fields';
import type { MethodFormProps } from './common';

/**
 * FORMULA: the expression, with the names the grammar allows (a click appends one); the
 * validator's parse and name errors show under the field as it is typed.
 */
const FormulaForm = ({ pointer, code }: MethodFormProps) => {
  const translate = useTranslate();
  const { def, editable, update } = useEditor();
  const ep = `${pointer}/expression`;
  const append = (name: string) => {
    const cur = getAt(def, ep);
    const text = typeof cur === 'string' ? cur : '';
    update(ep, text === '' || /[\s(,]$/.test(text) ? `${text}${name}` : `${text} ${name}`);
  };
  const chips = (names: readonly string[], color: 'primary' | 'secondary' | 'default', clickable: boolean) =>
    names.map(n => (
      <Chip
        key={n}
        size="small"
        variant="outlined"
        color={color}
        label={n}
        sx={{ fontFamily: 'monospace' }}
        onClick={clickable && editable ? () => append(n.replace(/\(.*$/, '(')) : undefined}
      />
    ));
  return (
    <Stack spacing={1}>
      <TextInput
        pointer={ep}
        multiline
        mono
        width="100%"
        label={translate('kaoping.schemeEditor.param.expression')}
        testId={`param-${code}-expression`}
        hint={translate('kaoping.schemeEditor.hint.expression')}
      />
      <Box>
        <Typography variant="caption" color="text.secondary">
          {translate('kaoping.schemeEditor.formula.input_vars')}
        </Typography>
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }} data-testid={`formula-vars-${code}`}>
          {chips(FORMULA_INPUT_VARS, 'primary', true)}
        </Stack>
        <Typography variant="caption" color="text.secondary">
          {translate('kaoping.schemeEditor.formula.peer_vars')}
        </Typography>
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {chips(FORMULA_PEER_VARS, 'secondary', true)}
        </Stack>
        <Typography variant="caption" color="text.secondary">
          {translate('kaoping.schemeEditor.formula.functions')}
        </Typography>
        <Stack direction="row" spacing={0.5} useFlexGap sx={{ flexWrap: 'wrap' }}>
          {chips(FORMULA_FUNCTIONS, 'default', true)}
          {chips(FORMULA_OPERATORS, 'default', false)}
        </Stack>
      </Box>
      <NumField
        pointer={`${pointer}/cap`}
        optional
        label={translate('kaoping.scheme.param.cap')}
        testId={`param-${code}-cap`}
        hint={translate('kaoping.schemeEditor.hint.formula_cap')}
        width={200}
      />
    </Stack>
  );
};

export default FormulaForm;
