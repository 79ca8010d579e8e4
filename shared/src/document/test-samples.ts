import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The four real sample documents the demo seeds from (kept in backend/demo-data). */
export const SAMPLES_DIR = join(__dirname, '..', '..', '..', 'backend', 'demo-data', 'documents');
export const SAMPLE_NAMES = ['biliuhe', 'santai', 'aheqi', 'baiyanghe'] as const;
export type SampleName = (typeof SAMPLE_NAMES)[number];

export function readSample(name: SampleName): Buffer {
  return readFileSync(join(SAMPLES_DIR, `${name}.txt`));
}
