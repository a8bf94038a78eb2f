import {
  getArgumentValues,
  getNamedType,
  getVariableValues,
  GraphQLError,
  isInputObjectType,
  isListType,
  isNonNullType,
  isScalarType,
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type GraphQLInputType,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';
import { pointerToken } from '@kaoping/shared';
import { idProblem, jsonProblem, numberProblem, stringProblem, type HygieneProblem } from '../common/input-hygiene';

const MAX_PROBLEMS = 20;

/**
 * The operation's variables coerced as GraphQL will coerce them, or undefined when they do not
 * coerce (execution then answers 400 BAD_USER_INPUT itself; nothing that walks the operation with
 * its variables — the cost limit, the argument checks — may run on them before that).
 */
export function coerceVariables(
  schema: GraphQLSchema,
  operation: OperationDefinitionNode,
  raw: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  const r = getVariableValues(schema, operation.variableDefinitions ?? [], raw ?? {}, { maxErrors: 1 });
  return r.errors ? undefined : r.coerced;
}

/**
 * Every argument of every field the operation selects, after coercion, checked by its type:
 * ids must be ids, strings free of NUL and unpaired surrogates, JSON values bounded in depth and
 * size with finite numbers. Throws one BAD_USER_INPUT (HTTP 400) naming each problem's path
 * (`/<field>/<argument>/…`) before any resolver runs.
 */
export function assertCleanArguments(
  schema: GraphQLSchema,
  document: DocumentNode,
  operation: OperationDefinitionNode,
  variables: Record<string, unknown>,
): void {
  const problems: HygieneProblem[] = [];
  const typeInfo = new TypeInfo(schema);
  const inScope = (def: { kind: Kind }) => def === operation || def.kind === Kind.FRAGMENT_DEFINITION;
  for (const def of document.definitions) {
    if (!inScope(def) || problems.length >= MAX_PROBLEMS) continue;
    visit(
      def,
      visitWithTypeInfo(typeInfo, {
        Field(node) {
          const fieldDef = typeInfo.getFieldDef();
          if (!fieldDef || fieldDef.args.length === 0 || problems.length >= MAX_PROBLEMS) return;
          let args: Record<string, unknown>;
          try {
            args = getArgumentValues(fieldDef, node, variables);
          } catch {
            return; // execution reports it (e.g. a fragment of another operation whose variables are absent)
          }
          for (const a of fieldDef.args) {
            if (args[a.name] === undefined) continue;
            checkTyped(args[a.name], a.type, `/${pointerToken(node.name.value)}/${pointerToken(a.name)}`, problems);
          }
        },
      }),
    );
  }
  if (problems.length) {
    const shown = problems.slice(0, MAX_PROBLEMS);
    throw new GraphQLError(`Invalid argument: ${shown.map((p) => `${p.path}: ${p.message}`).join('; ')}`, {
      extensions: { code: 'BAD_USER_INPUT', problems: shown, http: { status: 400 } },
    });
  }
}

function checkTyped(value: unknown, type: GraphQLInputType, path: string, out: HygieneProblem[]): void {
  if (value === null || value === undefined || out.length >= MAX_PROBLEMS) return;
  if (isNonNullType(type)) return checkTyped(value, type.ofType, path, out);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((v, i) => checkTyped(v, type.ofType, `${path}/${i}`, out));
    return;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (fields[k]) checkTyped(v, fields[k].type, `${path}/${pointerToken(k)}`, out);
    }
    return;
  }
  const named = getNamedType(type);
  if (!isScalarType(named)) return; // enums are checked by coercion
  let p: HygieneProblem | undefined;
  if (named.name === 'ID') p = idProblem(value, path);
  else if (typeof value === 'string') p = stringProblem(value, path);
  else if (typeof value === 'number') p = numberProblem(value, path);
  else if (typeof value === 'object') p = jsonProblem(value, path);
  if (p) out.push(p);
}
