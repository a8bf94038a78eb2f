/**
 * Options for a free-form JSON argument (a scheme definition, a dataset, one input's value).
 * class-validator has nothing to check on them — the engine's validators do, in the services —
 * and it refuses the null-prototype objects that GraphQLJSON builds from an inline literal
 * (`value: { actual: 1 }` written in the query rather than passed as a variable).
 */
export const JSON_ARG = { validate: false } as const;
