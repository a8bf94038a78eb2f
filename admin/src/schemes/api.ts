// The scheme operations that are not react-admin CRUD (import, export, publish, close, clone,
// definition edits), over the small fetch helper: same headers as the data provider, errors as
// translated HttpErrors (body.code, body.problems).
import type { Problem } from '@kaoping/shared';
import { gqlFetch, type FetchOptions } from '../dataProvider/fetch';
import { saveBlob } from '../files/api';
import type { Scheme, SchemeStatus } from '../generated/graphql';

export type { SchemeStatus };

export type SchemeRecord = Pick<Scheme, 'id' | 'code' | 'name' | 'year' | 'status' | 'version'> &
  Partial<Pick<Scheme, 'createdAt' | 'publishedAt' | 'closedAt'>>;

const FIELDS = 'id code name year status version createdAt publishedAt closedAt';

export const importScheme = async (definition: unknown): Promise<SchemeRecord> =>
  (
    await gqlFetch<{ importScheme: SchemeRecord }>(
      `mutation importScheme($definition: JSON!) { importScheme(definition: $definition) { ${FIELDS} } }`,
      { definition },
    )
  ).importScheme;

export const exportScheme = async (id: string, opts?: FetchOptions): Promise<Record<string, unknown>> =>
  (
    await gqlFetch<{ exportScheme: Record<string, unknown> }>(
      `query exportScheme($id: ID!) { exportScheme(id: $id) }`,
      { id },
      opts,
    )
  ).exportScheme;

export const publishScheme = async (id: string): Promise<SchemeRecord> =>
  (
    await gqlFetch<{ publishScheme: SchemeRecord }>(
      `mutation publishScheme($id: ID!) { publishScheme(id: $id) { ${FIELDS} } }`,
      { id },
    )
  ).publishScheme;

export const closeScheme = async (id: string): Promise<SchemeRecord> =>
  (
    await gqlFetch<{ closeScheme: SchemeRecord }>(
      `mutation closeScheme($id: ID!) { closeScheme(id: $id) { ${FIELDS} } }`,
      { id },
    )
  ).closeScheme;

/** A new DRAFT with the subjects; `copyTargets`: last year's targets as this year's SELF starting values. */
export const cloneScheme = async (
  id: string,
  year: number,
  code: string,
  name: string,
  copyTargets = false,
): Promise<SchemeRecord> =>
  (
    await gqlFetch<{ cloneScheme: SchemeRecord }>(
      `mutation cloneScheme($id: ID!, $year: Int!, $code: String!, $name: String, $copyTargets: Boolean) { cloneScheme(id: $id, year: $year, code: $code, name: $name, copyTargets: $copyTargets) { ${FIELDS} } }`,
      { id, year, code, name, copyTargets },
    )
  ).cloneScheme;

/** The source's name or code for another year: its year (when written in it) replaced by the new one. */
export const forYear = (text: string, from: number, to: string): string => text.split(String(from)).join(to);

export const updateSchemeDefinition = async (id: string, version: number, definition: unknown): Promise<SchemeRecord> =>
  (
    await gqlFetch<{ updateSchemeDefinition: SchemeRecord }>(
      `mutation updateSchemeDefinition($id: ID!, $version: Int!, $definition: JSON!) { updateSchemeDefinition(id: $id, version: $version, definition: $definition) { ${FIELDS} } }`,
      { id, version, definition },
    )
  ).updateSchemeDefinition;

/** Saves `data` as a JSON file download named `name`. */
export const downloadJson = (name: string, data: unknown): void =>
  saveBlob(name, new Blob([JSON.stringify(data, null, 2) + '\n'], { type: 'application/json' }));

export interface ProblemLike {
  path?: string;
  code?: Problem['code'];
  params?: Problem['params'];
  message: string;
}

export const problemsOf = (error: unknown): ProblemLike[] => {
  const body = (error as { body?: { problems?: ProblemLike[] } })?.body;
  return Array.isArray(body?.problems) ? body.problems : [];
};

export const codeOf = (error: unknown): string | undefined => (error as { body?: { code?: string } })?.body?.code;
