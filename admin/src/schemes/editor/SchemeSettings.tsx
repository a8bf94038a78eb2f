// The scheme's own fields: name, year, precision and review threshold (the code is fixed here:
// it names the scheme in the tenant; a new code is a clone).
import { Stack, Typography } from '@mui/material';
import { useTranslate } from 'react-admin';
import { useEditor } from './context';
import { NumField, TextInput } from './fields';

const SchemeSettings = () => {
  const translate = useTranslate();
  const { def } = useEditor();
  return (
    <Stack spacing={2} sx={{ py: 2, maxWidth: 640 }}>
      <Typography variant="body2">
        {translate('kaoping.fmt.label', { label: translate('kaoping.schemeEditor.field.code') })}
        <b style={{ fontFamily: 'monospace' }}>{String(def.code ?? '')}</b>
        <Typography component="span" variant="caption" color="text.secondary" sx={{ ml: 2 }}>
          {translate('kaoping.schemeEditor.hint.scheme_code')}
        </Typography>
      </Typography>
      <TextInput
        pointer="/name"
        label={translate('kaoping.schemeEditor.field.name')}
        testId="scheme-name"
        width="100%"
      />
      <NumField pointer="/year" label={translate('resources.schemes.fields.year')} testId="scheme-year" width={140} />
      <NumField
        pointer="/precision"
        optional
        label={translate('kaoping.schemeEditor.field.precision')}
        testId="scheme-precision"
        width={300}
        hint={translate('kaoping.schemeEditor.hint.precision')}
      />
      <NumField
        pointer="/reviewThreshold"
        optional
        label={translate('kaoping.schemeEditor.field.reviewThreshold')}
        testId="scheme-reviewThreshold"
        width={300}
        hint={translate('kaoping.schemeEditor.hint.review_threshold')}
      />
    </Stack>
  );
};

export default SchemeSettings;
