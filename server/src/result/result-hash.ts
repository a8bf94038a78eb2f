import { canonicalJson, type Dataset } from '@kaoping/shared';
import { createHash } from 'node:crypto';

export { canonicalJson };

/** sha256 (hex) of the canonical JSON of `v`. */
export function canonicalHash(v: unknown): string {
  return createHash('sha256').update(canonicalJson(v)).digest('hex');
}

/**
 * canonicalHash(dataset) for a dataset of exactly formatVersion, subjects, inputs and adjustments,
 * from its inputs' canonical JSON in pieces (`inputs` as comma-separated runs of inputs, in dataset
 * order): the same text fed to the hash in parts, so kept pieces are not written again.
 */
export function datasetHash(dataset: Dataset, inputs: string[]): string {
  const h = createHash('sha256');
  // keys in canonical order: adjustments, formatVersion, inputs, subjects
  h.update(
    `{"adjustments":${canonicalJson(dataset.adjustments)},"formatVersion":${canonicalJson(dataset.formatVersion)},"inputs":[`,
  );
  inputs.forEach((piece, i) => h.update(i ? `,${piece}` : piece));
  h.update(`],"subjects":${canonicalJson(dataset.subjects)}}`);
  return h.digest('hex');
}
