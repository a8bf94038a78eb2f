import type { Request, Response } from 'express';
import { GraphQLError } from 'graphql';
import multer from 'multer';
import { badInput } from '../common/errors';
import { cleanFileName, EVIDENCE_LIMIT } from './file-kind';

/** One part named `file`, nothing else; names in UTF-8 (what browsers and curl send), so 报告.pdf stays 报告.pdf. */
const single = multer({
  storage: multer.memoryStorage(),
  limits: { fileSize: EVIDENCE_LIMIT, files: 1, fields: 0, parts: 1 },
  defParamCharset: 'utf8',
}).single('file');

const tooLarge = () =>
  new GraphQLError(`The file is too large (the limit is ${EVIDENCE_LIMIT / 1024 / 1024} MB)`, {
    extensions: { code: 'PAYLOAD_TOO_LARGE' },
  });

/**
 * The uploaded evidence file, read once the caller and its role are known (nobody else makes the
 * server buffer 10 MB): a multipart/form-data body with one part `file`
 * (`curl -F file=@报告.pdf …`). Over 10 MB → 413; anything else malformed → 400.
 */
export async function readEvidenceFile(req: Request, res: Response): Promise<{ name: string; content: Buffer }> {
  if (!req.is('multipart/form-data')) throw badInput('Send the file as multipart/form-data, in a part named "file"');
  await new Promise<void>((resolve, reject) =>
    single(req, res, (err?: unknown) => {
      if (!err) return resolve();
      if (err instanceof multer.MulterError)
        return reject(
          err.code === 'LIMIT_FILE_SIZE'
            ? tooLarge()
            : badInput(`Bad upload: ${err.message}; send one part named "file"`),
        );
      reject(badInput('The multipart body could not be read'));
    }),
  );
  const file = req.file;
  if (!file) throw badInput('No file: send one part named "file"');
  if (file.size === 0) throw badInput('The file is empty');
  return { name: cleanFileName(file.originalname), content: file.buffer };
}
