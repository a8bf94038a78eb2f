// The built-in template: the 2023 district example the repository ships (shared/examples), loaded
// only when asked for, renamed to the year being started.

export interface TemplateChoice { year: number; code: string }

export const loadDistrictTemplate = async (): Promise<Record<string, unknown>> =>
  (await import('../../../shared/examples/district-2023.scheme.json')).default;

/** The template as this year's scheme: code and year replaced, and the year in its name. */
export const retitle = (template: Record<string, unknown>, { year, code }: TemplateChoice): Record<string, unknown> => {
  const from = String(template.year);
  const name = typeof template.name === 'string' ? template.name.split(from).join(String(year)) : template.name;
  return { ...template, code, year, name };
};
