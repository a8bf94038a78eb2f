import { badInput } from '../common/errors';

/** The largest workbook accepted (read into memory once the caller is known). */
export const UPLOAD_LIMIT = '32mb';
/** What its parts may inflate to: an .xlsx is XML, ~10× its size; more is a zip bomb, not a year's data. */
const MAX_INFLATED = 400 * 1024 * 1024;
const MAX_ENTRIES = 10_000;

/**
 * Checks the zip's central directory before the workbook is parsed: an .xlsx at all, not too many
 * parts, and what the parts claim to inflate to within bounds (ZIP64 sizes are refused).
 * BAD_USER_INPUT otherwise. (A zip may lie about its sizes; the upload cap still bounds the rest.)
 */
export function checkZip(buf: Buffer): void {
  const refuse = (why: string) => {
    throw badInput(`Not a usable .xlsx workbook: ${why}`);
  };
  if (buf.length < 22 || buf.readUInt32LE(0) !== 0x04034b50) refuse('the body is not a zip file');
  let eocd = -1;
  for (let i = buf.length - 22; i >= Math.max(0, buf.length - 22 - 0xffff); i--) {
    if (buf.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) refuse('no zip directory');
  const entries = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  if (entries > MAX_ENTRIES) refuse('too many parts');
  let total = 0;
  for (let n = 0; n < entries; n++) {
    if (at + 46 > buf.length || buf.readUInt32LE(at) !== 0x02014b50) refuse('a damaged zip directory');
    const size = buf.readUInt32LE(at + 24);
    if (size === 0xffffffff) refuse('ZIP64 parts are not accepted');
    total += size;
    if (total > MAX_INFLATED) refuse('its parts inflate to more than 400 MB');
    at += 46 + buf.readUInt16LE(at + 28) + buf.readUInt16LE(at + 30) + buf.readUInt16LE(at + 32);
  }
}
