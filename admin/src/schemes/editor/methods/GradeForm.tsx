import { useTranslate } from 'react-admin';
import { NumberMapEditor, type MethodFormProps } from './common';

/** GRADE: a letter → rate table; the input names a letter. */
const GradeForm = ({ pointer, code }: MethodFormProps) => {
  const translate = useTranslate();
  return (
    <NumberMapEditor
      pointer={`${pointer}/levels`}
      keyLabel={translate('kaoping.schemeEditor.param.level')}
      valueLabel={translate('kaoping.scheme.param.score')}
      testId={`param-${code}-levels`}
      hint={translate('kaoping.schemeEditor.hint.rate_0_1')}
    />
  );
};

export default GradeForm;
