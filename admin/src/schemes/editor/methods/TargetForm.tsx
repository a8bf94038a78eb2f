import { Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { NumField } from '../fields';
import { DirectionField, type MethodFormProps } from './common';

/** TARGET: actual / target (or the LOWER reading), clamped to [floor ?? 0, cap ?? 1]. */
const TargetForm = ({ pointer, code }: MethodFormProps) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <DirectionField pointer={pointer} code={code} />
      <NumField
        pointer={`${pointer}/floor`}
        optional
        label={translate('kaoping.scheme.param.floor')}
        testId={`param-${code}-floor`}
        hint={translate('kaoping.schemeEditor.hint.floor_default', { value: 0 })}
        width={140}
      />
      <NumField
        pointer={`${pointer}/cap`}
        optional
        label={translate('kaoping.scheme.param.cap')}
        testId={`param-${code}-cap`}
        hint={translate('kaoping.schemeEditor.hint.target_cap')}
        width={200}
      />
    </Stack>
  );
};

export default TargetForm;
