import type { Problem } from '@kaoping/shared';
import { useCallback } from 'react';
import { useTranslate } from 'react-admin';
import { problemKey, TRANSLATED_ARGS } from './problemText';

/** A validator problem's message in the console's language (the English wording when unknown). */
export function useProblemText(): (p: Pick<Problem, 'message'>) => string {
  const translate = useTranslate();
  return useCallback(
    (p: Pick<Problem, 'message'>) => {
      const k = problemKey(p.message);
      if (!k) return p.message;
      const args = Object.fromEntries(
        Object.entries(k.args).map(([n, v]) => [n, TRANSLATED_ARGS.has(n) ? translate(`kaoping.schemeEditor.field.${v}`, { _: v }) : v]),
      );
      return translate(`kaoping.schemeEditor.problem.${k.key}`, { ...args, _: p.message });
    },
    [translate],
  );
}

/** Several problems as one helper text, joined with the language's separator; undefined when none. */
export function useProblemsText(): (problems: Pick<Problem, 'message'>[]) => string | undefined {
  const translate = useTranslate();
  const text = useProblemText();
  return useCallback((problems: Pick<Problem, 'message'>[]) => (problems.length ? problems.map(text).join(translate('kaoping.fmt.items')) : undefined), [text, translate]);
}
