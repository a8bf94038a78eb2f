import { Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { NumField } from '../fields';
import { DirectionField, type MethodFormProps } from './common';

/** RANK: s = max(floor ?? 0, 1 − (k − 1) × step) for competition rank k among the peers. */
const RankForm = ({ pointer, code }: MethodFormProps) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={1} useFlexGap sx={{ flexWrap: 'wrap', alignItems: 'flex-start' }}>
      <DirectionField pointer={pointer} code={code} />
      <NumField
        pointer={`${pointer}/step`}
        label={translate('kaoping.schemeEditor.param.rank_step')}
        testId={`param-${code}-step`}
        hint={translate('kaoping.schemeEditor.hint.rank_step')}
        width={180}
      />
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

export default RankForm;
