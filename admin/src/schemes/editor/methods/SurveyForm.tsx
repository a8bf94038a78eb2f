import { Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { NumberMapEditor, type MethodFormProps } from './common';

/** SURVEY: ballots per voter group; options are worth [0, 1], voter groups weigh > 0. */
const SurveyForm = ({ pointer, code }: MethodFormProps) => {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={4} useFlexGap sx={{ flexWrap: 'wrap' }}>
      <NumberMapEditor
        pointer={`${pointer}/options`}
        namesPointer={`${pointer}/optionNames`}
        keyLabel={translate('kaoping.schemeEditor.param.option')}
        valueLabel={translate('kaoping.scheme.param.score')}
        testId={`param-${code}-options`}
        hint={translate('kaoping.schemeEditor.hint.rate_0_1')}
      />
      <NumberMapEditor
        pointer={`${pointer}/voterGroups`}
        namesPointer={`${pointer}/voterGroupNames`}
        keyLabel={translate('kaoping.schemeEditor.param.voter_group')}
        valueLabel={translate('kaoping.scheme.weight')}
        testId={`param-${code}-voterGroups`}
        hint={translate('kaoping.schemeEditor.hint.voter_weight')}
      />
    </Stack>
  );
};

export default SurveyForm;
