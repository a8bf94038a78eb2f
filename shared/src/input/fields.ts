import type { Method } from '../scheme/types';

/** The input fields a method reads from a subject's row: what data entry (grid, workbook) must provide. */
export type InputField = 'actual' | 'target' | 'previous' | 'score' | 'grade' | 'ballots';

const FORMULA_VARS: InputField[] = ['actual', 'target', 'previous', 'score'];

/** Fields in the order a grid or a workbook shows them; LINKED reads none (computed from the unit). */
export function methodInputFields(
  method: Method | { type: string; basis?: unknown; expression?: unknown },
): InputField[] {
  const m = method as { type: string; basis?: unknown; expression?: unknown };
  switch (m.type) {
    case 'TARGET':
      return ['actual', 'target'];
    case 'LADDER':
      return m.basis === 'RATIO' ? ['actual', 'target'] : ['actual'];
    case 'RANK':
    case 'LINEAR':
      return ['actual'];
    case 'GRADE':
      return ['grade'];
    case 'SCORE':
      return ['score'];
    case 'SURVEY':
      return ['ballots'];
    case 'FORMULA': {
      const expr = typeof m.expression === 'string' ? m.expression : '';
      return FORMULA_VARS.filter((v) => new RegExp(`\\b${v}\\b`).test(expr));
    }
    default:
      return [];
  }
}
