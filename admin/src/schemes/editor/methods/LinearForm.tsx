import { Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { NumField } from '../fields';
import { DirectionField, type MethodFormProps } from './common';

/** LINEAR: the value's place between the peers' min and max, lifted to floor + (1 − floor) × that. */
const LinearForm = ({ pointer, code }: MethodFormProps) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <DirectionField pointer={pointer} code={code} />
      <NumField
        pointer={`${pointer}/floor`}
        optional
        label={translate('kaoping.scheme.param.floor')}
        testId={`param-${code}-floor`}
        hint={translate('kaoping.schemeEditor.hint.rate_0_1')}
        width={140}
      />
    </Stack>
  );
};

export default LinearForm;
