import { fromBuffer } from 'file-type';
import { GraphQLError } from 'graphql';
import { badInput } from '../common/errors';
import { stringProblem } from '../common/input-hygiene';

/** The largest evidence file accepted. */
export const EVIDENCE_LIMIT = 10 * 1024 * 1024;

type Family = 'pdf' | 'image' | 'word' | 'sheet' | 'slides';

/** What the content may be (file-type's answer), its family and the content type stored. */
const BY_CONTENT: Record<string, { family: Family; type: string }> = {
  pdf: { family: 'pdf', type: 'application/pdf' },
  png: { family: 'image', type: 'image/png' },
  jpg: { family: 'image', type: 'image/jpeg' },
  gif: { family: 'image', type: 'image/gif' },
  webp: { family: 'image', type: 'image/webp' },
  docx: { family: 'word', type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document' },
  xlsx: { family: 'sheet', type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' },
  pptx: { family: 'slides', type: 'application/vnd.openxmlformats-officedocument.presentationml.presentation' },
};

/**
 * Legacy Office and WPS files are all one container (OLE compound file); which application made
 * one is told by the name's extension.
 */
const COMPOUND: Record<string, { family: Family; type: string }> = {
  doc: { family: 'word', type: 'application/msword' },
  xls: { family: 'sheet', type: 'application/vnd.ms-excel' },
  ppt: { family: 'slides', type: 'application/vnd.ms-powerpoint' },
  wps: { family: 'word', type: 'application/kswps' },
  et: { family: 'sheet', type: 'application/kset' },
  dps: { family: 'slides', type: 'application/ksdps' },
};

/** Extensions a name may carry, by family: a name promising another family than the content is refused. */
const NAME_FAMILY: Record<string, Family> = {
  pdf: 'pdf',
  png: 'image',
  jpg: 'image',
  jpeg: 'image',
  gif: 'image',
  webp: 'image',
  docx: 'word',
  doc: 'word',
  wps: 'word',
  xlsx: 'sheet',
  xls: 'sheet',
  et: 'sheet',
  pptx: 'slides',
  ppt: 'slides',
  dps: 'slides',
};

const ACCEPTED =
  'PDF, PNG, JPEG, GIF, WebP, Word (.docx/.doc), Excel (.xlsx/.xls), PowerPoint (.pptx/.ppt) or WPS (.wps/.et/.dps)';

const unsupported = (message: string) => new GraphQLError(message, { extensions: { code: 'UNSUPPORTED_MEDIA_TYPE' } });

const extensionOf = (name: string) => (/\.([a-z0-9]+)$/i.exec(name)?.[1] ?? '').toLowerCase();

/** A file name as given (Chinese kept), without any path; control characters, NUL and broken Unicode refused. */
export function cleanFileName(raw: string): string {
  const name = raw.split(/[\\/]/).pop()!.trim();
  // eslint-disable-next-line no-control-regex
  if (name === '' || /[\u0000-\u001f\u007f]/.test(name) || stringProblem(name, '/file') || name.length > 255)
    throw badInput('The file needs a name of 1 to 255 printable characters');
  return name;
}

/**
 * The content type of an evidence file, judged by its bytes (magic numbers), never by what the
 * client says: anything else (an .exe named .pdf, a zip, text) → 415 UNSUPPORTED_MEDIA_TYPE.
 */
export async function evidenceType(content: Buffer, name: string): Promise<string> {
  const found = await fromBuffer(content);
  const ext = extensionOf(name);
  const kind = found?.ext === 'cfb' ? COMPOUND[ext] : found ? BY_CONTENT[found.ext] : undefined;
  if (!kind) {
    const what =
      found?.ext === 'cfb'
        ? 'an Office/WPS compound file whose name does not end in .doc, .xls, .ppt, .wps, .et or .dps'
        : found
          ? `a .${found.ext} file`
          : 'of no recognised type';
    throw unsupported(`"${name}" is ${what}; evidence must be ${ACCEPTED}`);
  }
  const promised = NAME_FAMILY[ext];
  if (promised && promised !== kind.family)
    throw unsupported(`"${name}" is named .${ext} but its content is ${kind.type}`);
  return kind.type;
}
