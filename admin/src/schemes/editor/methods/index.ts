// The one table of method forms: a method's form is one file and one line here.
import type { ComponentType } from 'react';
import type { MethodType } from '../defaults';
import type { MethodFormProps } from './common';
import FormulaForm from './FormulaForm';
import GradeForm from './GradeForm';
import LadderForm from './LadderForm';
import LinearForm from './LinearForm';
import LinkedForm from './LinkedForm';
import RankForm from './RankForm';
import ScoreForm from './ScoreForm';
import SurveyForm from './SurveyForm';
import TargetForm from './TargetForm';

export const METHOD_FORMS: Record<MethodType, ComponentType<MethodFormProps>> = {
  TARGET: TargetForm,
  LADDER: LadderForm,
  RANK: RankForm,
  LINEAR: LinearForm,
  GRADE: GradeForm,
  SCORE: ScoreForm,
  SURVEY: SurveyForm,
  FORMULA: FormulaForm,
  LINKED: LinkedForm,
};
