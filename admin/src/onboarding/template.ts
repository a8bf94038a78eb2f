// The built-in template: the 2023 district example the repository ships (shared/examples), loaded
// only when asked for, renamed to the year being started.

export interface TemplateChoice {
  year: number;
  code: string;
}

export const loadDistrictTemplate = async (): Promise<Record<string, unknown>> =>
  (await import('../../../shared/examples/district-2023.scheme.json')).default;

/**
 * The template as this year's scheme: code and year replaced, the year in its name, and without
 * the example's indicator owners (department codes the new tenant may not have: the server
 * refuses owners that are not its departments; they are named in the editor once 部门 exist).
 */
export const retitle = (template: Record<string, unknown>, { year, code }: TemplateChoice): Record<string, unknown> => {
  const from = String(template.year);
  const name = typeof template.name === 'string' ? template.name.split(from).join(String(year)) : template.name;
  const strip = (n: Record<string, unknown>): Record<string, unknown> => {
    const { owners: _owners, ...rest } = n;
    return Array.isArray(n.children)
      ? { ...rest, children: n.children.map(c => strip(c as Record<string, unknown>)) }
      : rest;
  };
  const groups = Array.isArray(template.groups)
    ? template.groups.map(g => ({
        ...(g as Record<string, unknown>),
        root: strip((g as { root: Record<string, unknown> }).root),
      }))
    : template.groups;
  return { ...template, code, year, name, groups };
};
