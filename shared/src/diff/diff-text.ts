import DiffMatchPatch from 'diff-match-patch';

export type TextDiffOp = 'equal' | 'delete' | 'insert';

/** One run of a text diff: text kept, deleted from the old version or inserted in the new one. */
export interface TextDiffSegment {
  op: TextDiffOp;
  text: string;
}

let instance: DiffMatchPatch | undefined;
/** Created on first use, so importing the shared package (the browser bundle does) has no side effect. */
const dmp = (): DiffMatchPatch => (instance ??= new DiffMatchPatch());

/**
 * Character diff of two Chinese texts, made readable. Chinese has no spaces to split words on, so the diff is
 * computed per character (diff-match-patch) and `diff_cleanupSemantic` then merges the scattered one-character
 * matches into whole changed phrases: a reviewer reads `负责[本→全]镇…` instead of confetti.
 */
export function diffText(before: string, after: string): TextDiffSegment[] {
  const diffs = dmp().diff_main(before, after);
  dmp().diff_cleanupSemantic(diffs);
  return diffs.map(([op, text]) => ({ op: op < 0 ? 'delete' : op > 0 ? 'insert' : 'equal', text }));
}
