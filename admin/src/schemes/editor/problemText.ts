// A validator or server problem in the console's language, by its code: the texts of every code
// live in @kaoping/shared (English and Chinese, made from the problem's params). Pure (no React),
// so it is unit-tested against the real validator.
import { problemText, type Problem } from '@kaoping/shared';

/** What the console gets from the validator or the server: a code and params translate; a message alone stays as it is. */
export type ProblemLike = Pick<Problem, 'message'> & Partial<Pick<Problem, 'code' | 'params'>>;

/** A problem's text in a console language. */
export function consoleProblemText(p: ProblemLike, locale: string): string {
  return p.code
    ? problemText({ code: p.code, params: p.params ?? {}, message: p.message }, locale === 'en' ? 'en' : 'zh')
    : p.message;
}
