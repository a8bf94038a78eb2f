import { useTranslate } from 'react-admin';
import { NumField } from '../fields';
import type { MethodFormProps } from './common';

/** SCORE: score / max (max default 100). */
const ScoreForm = ({ pointer, code }: MethodFormProps) => {
  const translate = useTranslate();
  return (
    <NumField
      pointer={`${pointer}/max`}
      optional
      label={translate('kaoping.schemeEditor.param.score_max')}
      testId={`param-${code}-max`}
      hint={translate('kaoping.schemeEditor.hint.score_max')}
      width={160}
    />
  );
};

export default ScoreForm;
