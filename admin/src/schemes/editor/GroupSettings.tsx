// A group's own settings: name and kind (UNIT/MEMBER). Its bonus/deduction caps are edited with
// the rules (RulesEditor).
import { Stack } from '@mui/material';
import { useTranslate } from 'react-admin';
import { SelectInput, TextInput } from './fields';

const GroupSettings = ({ pointer, code }: { pointer: string; code: string }) => {
  const translate = useTranslate();
  return (
    <Stack
      direction="row"
      spacing={1}
      useFlexGap
      sx={{ flexWrap: 'wrap', alignItems: 'flex-start', py: 1.5 }}
      data-testid={`group-${code}`}
    >
      <TextInput
        pointer={`${pointer}/name`}
        label={translate('kaoping.schemeEditor.field.group_name')}
        testId={`group-${code}-name`}
        width={220}
      />
      <SelectInput
        pointer={`${pointer}/kind`}
        label={translate('kaoping.schemeEditor.field.kind')}
        testId={`group-${code}-kind`}
        width={160}
        choices={['UNIT', 'MEMBER'].map(k => ({ value: k, label: translate(`kaoping.schemeEditor.group_kind.${k}`) }))}
      />
    </Stack>
  );
};

export default GroupSettings;
