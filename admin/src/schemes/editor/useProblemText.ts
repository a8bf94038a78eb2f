import { useCallback } from 'react';
import { useLocaleState, useTranslate } from 'react-admin';
import { consoleProblemText, type ProblemLike } from './problemText';

/** A validator problem's message in the console's language. */
export function useProblemText(): (p: ProblemLike) => string {
  const [locale] = useLocaleState();
  return useCallback((p: ProblemLike) => consoleProblemText(p, locale), [locale]);
}

/** Several problems as one helper text, joined with the language's separator; undefined when none. */
export function useProblemsText(): (problems: ProblemLike[]) => string | undefined {
  const translate = useTranslate();
  const text = useProblemText();
  return useCallback(
    (problems: ProblemLike[]) =>
      problems.length ? problems.map(text).join(translate('kaoping.fmt.items')) : undefined,
    [text, translate],
  );
}
