import { useTranslate } from 'react-admin';
import { NumField } from '../fields';
import type { MethodFormProps } from './common';

/** LINKED (MEMBER groups only): the unit's final / 100, clamped to [0, cap ?? 1]. */
const LinkedForm = ({ pointer, code }: MethodFormProps) => {
  const translate = useTranslate();
  return (
    <NumField
      pointer={`${pointer}/cap`}
      optional
      label={translate('kaoping.scheme.param.cap')}
      testId={`param-${code}-cap`}
      hint={translate('kaoping.schemeEditor.hint.linked')}
      width={260}
    />
  );
};

export default LinkedForm;
