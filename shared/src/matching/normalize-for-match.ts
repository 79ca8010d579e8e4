/** Text as compared for matching: no white space, no punctuation of either width, no markup. */
export function normalizeForMatch(text: string): string {
  return text
    .replace(/<\/?(?:p|ol|ul|li|br)(?:\s[^<>]*)?\/?>/gi, '')
    .replace(/[\s\u3000]+/g, '')
    .replace(/[，,。.；;：:、！!？?（）()“”"‘’'《》<>【】[\]—\-_·…]/g, '')
    .toLowerCase();
}

/** Character bigrams: the unit of similarity for Chinese text (no word boundaries needed). */
export function bigrams(text: string): Map<string, number> {
  const grams = new Map<string, number>();
  if (text.length === 1) grams.set(text, 1);
  for (let i = 0; i < text.length - 1; i += 1) {
    const gram = text.slice(i, i + 2);
    grams.set(gram, (grams.get(gram) ?? 0) + 1);
  }
  return grams;
}

/** Sørensen–Dice coefficient of two bigram multisets, 0..1. */
export function diceSimilarity(a: Map<string, number>, b: Map<string, number>): number {
  let sizeA = 0;
  let sizeB = 0;
  let shared = 0;
  for (const n of a.values()) sizeA += n;
  for (const n of b.values()) sizeB += n;
  if (sizeA + sizeB === 0) return 1;
  for (const [gram, n] of a) {
    const m = b.get(gram);
    if (m) shared += Math.min(n, m);
  }
  return (2 * shared) / (sizeA + sizeB);
}
