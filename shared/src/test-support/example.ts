/** The repository's example fixtures (shared/examples), loaded for tests. */
import type { Dataset, Result, Scheme } from '../scheme/types';

/* eslint-disable @typescript-eslint/no-require-imports */
export const exampleScheme = (): Scheme =>
  JSON.parse(JSON.stringify(require('../../examples/district-2023.scheme.json')));
export const exampleDataset = (): Dataset =>
  JSON.parse(JSON.stringify(require('../../examples/district-2023.dataset.json')));
export const exampleExpected = (): Result =>
  JSON.parse(JSON.stringify(require('../../examples/district-2023.expected.json')));
