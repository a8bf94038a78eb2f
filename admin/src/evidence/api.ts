// Evidence files of a claim (adjustment): listed through GraphQL, uploaded to and downloaded from
// the file routes beside /graphql with the session's token (a plain link could not send it).
import { authHeaders, gqlFetch, type FetchOptions } from '../dataProvider/fetch';
import { networkError } from '../dataProvider/errors';
import { downloadFile, errorOf, language } from '../files/api';

export interface EvidenceRecord {
  id: string;
  fileName: string;
  contentType: string;
  size: number;
  uploadedBy: string | null;
  uploadedByName: string | null;
  uploadedAt: string;
  url: string;
}

/** The server's own limit; checked here first so a too-large file is not sent at all. */
export const EVIDENCE_LIMIT = 10 * 1024 * 1024;
/** What the file picker offers (the server judges the content itself). */
export const EVIDENCE_ACCEPT = '.pdf,.png,.jpg,.jpeg,.gif,.webp,.docx,.doc,.xlsx,.xls,.pptx,.ppt,.wps,.et,.dps';

const FIELDS = 'id fileName contentType size uploadedBy uploadedByName uploadedAt url';

export const listEvidence = async (adjustmentId: string, opts?: FetchOptions): Promise<EvidenceRecord[]> =>
  (
    await gqlFetch<{ Adjustment: { evidence: EvidenceRecord[] } | null }>(
      `query adjustmentEvidence($id: ID!) { Adjustment(id: $id) { evidence { ${FIELDS} } } }`,
      { id: adjustmentId },
      opts,
    )
  ).Adjustment?.evidence ?? [];

export async function uploadEvidence(adjustmentId: string, file: File): Promise<EvidenceRecord> {
  const body = new FormData();
  body.append('file', file, file.name);
  let response: Response;
  try {
    response = await fetch(`/files/adjustments/${encodeURIComponent(adjustmentId)}/evidence`, {
      method: 'POST',
      headers: { accept: 'application/json', ...language(), ...authHeaders() },
      body,
    });
  } catch (e) {
    throw networkError(undefined, (e as Error).message);
  }
  const json = await response.json().catch(() => null);
  if (!response.ok) throw errorOf(response.status, response.statusText, json);
  return json as EvidenceRecord;
}

export const deleteEvidence = async (id: string): Promise<void> => {
  await gqlFetch(`mutation deleteEvidence($id: ID!) { deleteEvidence(id: $id) }`, { id });
};

export const downloadEvidence = (e: EvidenceRecord): Promise<string> =>
  downloadFile(e.url, e.fileName, `${e.contentType}, application/json`);

/** 1.2 MB, 350 KB, 12 B. */
export const sizeText = (n: number): string =>
  n >= 1024 * 1024 ? `${(n / 1024 / 1024).toFixed(1)} MB` : n >= 1024 ? `${Math.round(n / 1024)} KB` : `${n} B`;
