// The workbook routes beside /graphql (/files/…): same bearer token and X-Tenant as every GraphQL
// call. Downloads go through fetch (a plain link could not send the token); uploads through
// XMLHttpRequest, the one browser API that reports upload progress.
import { HttpError } from 'ra-core';
import { authHeaders } from '../dataProvider/fetch';
import { errorFromGraphQL, networkError, type GraphQLErrorLike } from '../dataProvider/errors';
import { i18nProvider, t } from '../i18n';
import type { InputSource } from '../generated/graphql';

export type Source = InputSource;

export const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** One bad cell of an uploaded workbook: `镇!D7` and what is wrong with it. */
export interface CellProblem {
  sheet: string;
  cell: string;
  code: string;
  message: string;
}

/** What the server answers for any upload: a dry run says what it would do and writes nothing. */
export interface UploadReport {
  dryRun: boolean;
  problems: CellProblem[];
}

/** The answer for filled-in values (inputs.xlsx). */
export interface ImportPreview extends UploadReport {
  subjects: number;
  inputs: number;
  ballots: number;
  adjustments: number;
  changed: number;
  unchanged: number;
}

/** The answer for the template's subject columns (subjects.xlsx). */
export interface SubjectsPreview extends UploadReport {
  subjects: number;
  created: number;
  updated: number;
  unchanged: number;
}

/** Workbook headers and problem texts in the console's language (not the browser's). */
export const language = (): Record<string, string> => ({
  'accept-language': i18nProvider.getLocale() === 'en' ? 'en' : 'zh-CN,zh;q=0.9',
});

export const templateUrl = (schemeId: string, source: Source): string =>
  `/files/schemes/${encodeURIComponent(schemeId)}/template.xlsx?source=${source}`;
export const inputsUrl = (schemeId: string, source: Source, dryRun: boolean): string =>
  `/files/schemes/${encodeURIComponent(schemeId)}/inputs.xlsx?source=${source}&dryRun=${dryRun}`;
export const subjectsUrl = (schemeId: string, dryRun: boolean): string =>
  `/files/schemes/${encodeURIComponent(schemeId)}/subjects.xlsx?dryRun=${dryRun}`;
export const resultsUrl = (runId: string): string => `/files/runs/${encodeURIComponent(runId)}/results.xlsx`;

/** A failed file call as the translated HttpError every other call gives (GraphQL-shaped bodies or { code, message }). */
export const errorOf = (status: number, statusText: string, body: unknown): HttpError => {
  const b = body as {
    errors?: GraphQLErrorLike[];
    code?: string;
    message?: string;
    error?: { code?: string; message?: string };
  } | null;
  if (b?.errors?.length) return errorFromGraphQL(b.errors);
  const inner = b?.error ?? b;
  if (inner?.code) return errorFromGraphQL([{ message: inner.message, extensions: { code: inner.code } }]);
  const code = {
    401: 'UNAUTHENTICATED',
    403: 'FORBIDDEN',
    404: 'NOT_FOUND',
    409: 'CONFLICT',
    413: 'PAYLOAD_TOO_LARGE',
  }[status];
  if (code) return errorFromGraphQL([{ message: inner?.message ?? statusText, extensions: { code } }]);
  return networkError(status, statusText);
};

/** The file name from Content-Disposition (RFC 5987 filename* first), else `fallback`. */
export const fileNameOf = (disposition: string | null, fallback: string): string => {
  if (!disposition) return fallback;
  const star = /filename\*\s*=\s*(?:UTF-8|utf-8)''([^;]+)/.exec(disposition);
  if (star) {
    try {
      return decodeURIComponent(star[1].trim());
    } catch {
      /* a malformed name: fall through */
    }
  }
  const plain = /filename\s*=\s*"?([^";]+)"?/.exec(disposition);
  return plain ? plain[1].trim() : fallback;
};

/** Saves a blob as a download named `name`. */
export const saveBlob = (name: string, blob: Blob): void => {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
};

/** Downloads a file (a workbook unless `accept` says otherwise) with the session's token; failures as translated HttpErrors. */
export async function downloadFile(
  url: string,
  fallbackName: string,
  accept = `${XLSX_TYPE}, application/json`,
): Promise<string> {
  let response: Response;
  try {
    response = await fetch(url, { headers: { accept, ...language(), ...authHeaders() } });
  } catch (e) {
    throw networkError(undefined, (e as Error).message);
  }
  if (!response.ok) {
    const body = await response.json().catch(() => null);
    throw errorOf(response.status, response.statusText, body);
  }
  const name = fileNameOf(response.headers.get('content-disposition'), fallbackName);
  saveBlob(name, await response.blob());
  return name;
}

/**
 * Uploads a workbook; `onProgress(sent, total)` as the bytes leave the browser. Resolves with the
 * server's answer (also when it names problems: that is a 4xx with the same JSON body).
 */
export function uploadWorkbook<R extends UploadReport>(
  url: string,
  file: Blob,
  onProgress: (sent: number, total: number) => void,
  idempotencyKey?: string,
): { promise: Promise<R>; abort: () => void } {
  const xhr = new XMLHttpRequest();
  const promise = new Promise<R>((resolve, reject) => {
    xhr.open('POST', url);
    xhr.setRequestHeader('content-type', XLSX_TYPE);
    xhr.setRequestHeader('accept', 'application/json');
    for (const [k, v] of Object.entries({ ...language(), ...authHeaders() })) xhr.setRequestHeader(k, v);
    if (idempotencyKey) xhr.setRequestHeader('idempotency-key', idempotencyKey);
    xhr.upload.onprogress = e => onProgress(e.loaded, e.lengthComputable ? e.total : file.size);
    xhr.onerror = () => reject(networkError(undefined, t('files.network')));
    xhr.onabort = () => reject(networkError(undefined, t('files.aborted')));
    xhr.onload = () => {
      let body: unknown = null;
      try {
        body = JSON.parse(xhr.responseText);
      } catch {
        /* not JSON: judged by the status below */
      }
      const preview = body as R | null;
      if (preview && Array.isArray(preview.problems) && typeof preview.dryRun === 'boolean') return resolve(preview);
      if (xhr.status >= 200 && xhr.status < 300) return reject(networkError(xhr.status, xhr.statusText));
      reject(errorOf(xhr.status, xhr.statusText, body));
    };
    xhr.send(file);
  });
  return { promise, abort: () => xhr.abort() };
}
