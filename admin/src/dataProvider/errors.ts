// Turns GraphQL and network failures into react-admin HttpErrors whose message is already in the
// console's language: extensions.code → kaoping.error.<CODE>, BAD_USER_INPUT problems appended
// (and mapped onto form fields, so react-admin marks the inputs), no raw server internals.
import { HttpError } from 'ra-core';
import { t } from '../i18n';

export interface Problem {
  path?: string;
  message: string;
}

export interface GraphQLErrorLike {
  message?: string;
  extensions?: { code?: string; problems?: Problem[] } & Record<string, unknown>;
}

const STATUS: Record<string, number> = {
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  BAD_USER_INPUT: 400,
  GRAPHQL_VALIDATION_FAILED: 400,
  NOT_FOUND: 404,
  CONFLICT: 409,
  RATE_LIMITED: 429,
  INTERNAL_SERVER_ERROR: 500,
};

/** `/input/email`, `input.email`, `email` → `email` (the form field a problem is about). */
export const problemField = (path?: string): string | null => {
  if (!path) return null;
  const parts = path.split(/[/.]/).filter(p => p !== '' && p !== 'input' && p !== 'data');
  return parts.length === 1 && /^[A-Za-z_][A-Za-z0-9_]*$/.test(parts[0]) ? parts[0] : null;
};

export const errorFromGraphQL = (errors: readonly GraphQLErrorLike[]): HttpError => {
  const first = errors[0] ?? {};
  const code = String(first.extensions?.code ?? 'UNKNOWN');
  const known = `kaoping.error.${code}`;
  const MISSING = '\u0000';
  const translated = t(known, { _: MISSING });
  const hasTranslation = translated !== MISSING;
  const base = hasTranslation ? translated : t('kaoping.error.UNKNOWN');
  const problems = errors.flatMap(e => e.extensions?.problems ?? []);
  let message = base;
  if (problems.length > 0) {
    message =
      t('kaoping.fmt.label', { label: base }) +
      problems.map(p => (p.path ? `${p.path} ${p.message}` : p.message)).join(t('kaoping.fmt.items'));
  } else if (!hasTranslation || code === 'CONFLICT' || code === 'GRAPHQL_VALIDATION_FAILED') {
    // No translation for this code, or one whose server message says what conflicted: show it too.
    if (first.message) message = t('kaoping.fmt.label', { label: base }) + first.message;
  }
  const fieldErrors: Record<string, unknown> = {};
  for (const p of problems) {
    const field = problemField(p.path);
    if (field) fieldErrors[field] = p.message;
  }
  const body: Record<string, unknown> = { code, problems, graphQLErrors: errors };
  if (Object.keys(fieldErrors).length > 0) body.errors = { ...fieldErrors, root: { serverError: message } };
  return new HttpError(message, STATUS[code] ?? 500, body);
};

export const networkError = (status?: number, detail?: string): HttpError =>
  new HttpError(
    status === 401
      ? t('kaoping.error.UNAUTHENTICATED')
      : t('kaoping.error.NETWORK') + (detail ? t('kaoping.fmt.paren', { text: detail }) : ''),
    status ?? 0,
    { code: status === 401 ? 'UNAUTHENTICATED' : 'NETWORK' },
  );

/** Normalise whatever Apollo (or fetch) threw. */
export const toHttpError = (error: unknown): HttpError => {
  if (error instanceof HttpError) {
    const body = error.body as { code?: string; graphQLErrors?: unknown; networkError?: unknown } | undefined;
    if (body instanceof HttpError) return toHttpError(body);
    if (body && typeof body === 'object' && !body.code && (body.graphQLErrors || body.networkError))
      return toHttpError(body);
    return error;
  }
  const e = error as {
    graphQLErrors?: GraphQLErrorLike[];
    errors?: GraphQLErrorLike[];
    networkError?: { statusCode?: number; message?: string; result?: { errors?: GraphQLErrorLike[] } } | null;
    message?: string;
  };
  if (e?.graphQLErrors && e.graphQLErrors.length > 0) return errorFromGraphQL(e.graphQLErrors);
  if (e?.errors && e.errors.length > 0) return errorFromGraphQL(e.errors);
  const ne = e?.networkError;
  if (ne) {
    // Apollo puts a 400 response's GraphQL errors (e.g. bad variables) on the network error.
    const resultErrors = ne.result && typeof ne.result === 'object' ? ne.result.errors : undefined;
    if (resultErrors && resultErrors.length > 0) return errorFromGraphQL(resultErrors);
    return networkError(ne.statusCode, ne.message);
  }
  return new HttpError(e?.message || t('kaoping.error.UNKNOWN'), 500, { code: 'UNKNOWN' });
};

export const errorCode = (error: unknown): string | undefined => {
  const body = (error as { body?: { code?: string } })?.body;
  return body?.code;
};
