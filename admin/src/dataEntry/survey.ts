// What a SURVEY indicator shows for its codes: the scheme's display names (voterGroupNames,
// optionNames), else the code; a voter group's number as its share of the weights.
import type { SurveyMethod } from '@kaoping/shared';

export const voterGroupName = (m: SurveyMethod, code: string): string => m.voterGroupNames?.[code] || code;
export const optionName = (m: SurveyMethod, code: string): string => m.optionNames?.[code] || code;

/** A voter group's weight as a percentage of all voter groups' weights (30 of 100 → 30; 1 of 3 → 33.3). */
export const weightShare = (m: SurveyMethod, code: string): number => {
  const total = Object.values(m.voterGroups).reduce((a, b) => a + b, 0);
  return total > 0 ? Math.round((m.voterGroups[code] / total) * 1000) / 10 : 0;
};
