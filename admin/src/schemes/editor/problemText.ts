// The engine's validator speaks short plain English (shared/src/scheme, …/methods). The console
// shows each problem in the user's language: a message is matched against the validator's
// wordings and becomes a message key with its arguments; an unknown wording stays as it is.
// Pure (no React), so it is unit-tested against the real validator's messages.

export interface ProblemKey {
  key: string; // under kaoping.schemeEditor.problem.
  args: Record<string, string>;
}

const PATTERNS: [RegExp, string, string[]][] = [
  [/^code must match/, 'code_format', []],
  [/^name must be a non-empty string$/, 'name_required', []],
  [/^duplicate (grade|group|node|rule) code "(.*)"$/, 'duplicate_code', ['what', 'code']],
  [/^weight must be a number > 0$/, 'weight_positive', []],
  [/^formatVersion must be 1$/, 'format_version', []],
  [/^year must be a whole number$/, 'year_integer', []],
  [/^precision must be a whole number from 0 to 4$/, 'precision_range', []],
  [/^grades must be a non-empty array$/, 'grades_required', []],
  [/^groups must be a non-empty array$/, 'groups_required', []],
  [/^minScore must not increase down the list$/, 'min_score_order', []],
  [/^maxShare must be a number in \(0, 1\]$/, 'max_share_range', []],
  [/^the last grade must have neither minScore nor maxShare$/, 'last_grade', []],
  [/^kind must be "UNIT" or "MEMBER"$/, 'group_kind', []],
  [/^(bonusCap|deductionCap) must be null or a number >= 0$/, 'cap_null_or_positive', ['field']],
  [/^the root must be a category with at least one child$/, 'root_category', []],
  [/^a node has children or a method, not both$/, 'children_or_method', []],
  [/^a category must have at least one child$/, 'category_children', []],
  [/^an indicator needs a method object/, 'method_required', []],
  [/^unknown method type "(.*)"$/, 'unknown_method', ['type']],
  [/^(\w+) is allowed only in MEMBER groups$/, 'member_only', ['type']],
  [/^kind must be "BONUS", "DEDUCTION" or "VETO"$/, 'rule_kind', []],
  [/^groups must be a non-empty array of group codes$/, 'rule_groups', []],
  [/^unknown group "(.*)"$/, 'unknown_group', ['code']],
  [/^a VETO rule has no (\w+)$/, 'veto_no_points', ['field']],
  [/^maxGrade must name a grade$/, 'max_grade', []],
  [/^only a VETO rule has maxGrade$/, 'only_veto_max_grade', []],
  [/^give points or minPoints\/maxPoints, not both$/, 'points_or_range', []],
  [/^a ranged rule needs both minPoints and maxPoints$/, 'range_both', []],
  [/^points \(or minPoints and maxPoints\) required$/, 'points_required', []],
  [/^maxPoints must be >= minPoints$/, 'range_order', []],
  [/^direction must be "HIGHER" or "LOWER"$/, 'direction', []],
  [/^cap must be >= floor$/, 'cap_floor', []],
  [/^basis must be "VALUE" or "RATIO"$/, 'basis', []],
  [/^steps must be a non-empty array$/, 'steps_required', []],
  [/^step must be an object$/, 'step_object', []],
  [/^a step has min or max, not both$/, 'step_min_or_max', []],
  [/^every step needs a numeric (min|max)/, 'step_bound', ['field']],
  [/^steps with min must be sorted high to low$/, 'steps_min_order', []],
  [/^steps with max must be sorted low to high$/, 'steps_max_order', []],
  [/^expression must be a non-empty string$/, 'expression_required', []],
  [/^does not parse: (.*)$/, 'expression_parse', ['detail']],
  [/^only numbers are allowed as literals, not (.*)$/, 'expression_literal', ['raw']],
  [/^unknown name "(.*)"$/, 'expression_name', ['name']],
  [/^unknown function "(.*)"$/, 'expression_function', ['name']],
  [/^operator "(.*)" is not allowed$/, 'expression_operator', ['op']],
  [/^only min, max, abs, round and if can be called$/, 'expression_call', []],
  [/^(\w+) takes (.*) argument\(s\)$/, 'expression_arity', ['name', 'count']],
  [/^property access is not allowed$/, 'expression_member', []],
  [/^"this" is not allowed$/, 'expression_this', []],
  [/^(\w+) is not allowed$/, 'expression_syntax', ['what']],
  [/^(\w+) must be an object$/, 'must_be_object', ['field']],
  [/^(\w+) must not be empty$/, 'not_empty', ['field']],
  [/^must be a number in (.*)$/, 'number_in', ['range']],
  [/^(\w+) is required$/, 'required', ['field']],
  [/^(\w+) must be a number$/, 'number', ['field']],
  [/^(\w+) must be a number (>=?) (.*)$/, 'number_cmp', ['field', 'op', 'bound']],
  [/^(\w+) must be (>=?|<=) (.*)$/, 'number_cmp', ['field', 'op', 'bound']],
  [/^reviewThreshold must be a number >= 0$/, 'review_threshold', []],
];

/** The message key and arguments for a validator message, or null for a wording not known here. */
export function problemKey(message: string): ProblemKey | null {
  for (const [re, key, names] of PATTERNS) {
    const m = re.exec(message);
    if (m) return { key, args: Object.fromEntries(names.map((n, i) => [n, m[i + 1] ?? ''])) };
  }
  return null;
}

/** Argument names whose values are field names or kinds of thing, translated before use. */
export const TRANSLATED_ARGS = new Set(['field', 'what']);
