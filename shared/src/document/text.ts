/** Small text helpers for cells: markup, OCR spaces, joining spilled lines. */

const CJK = '\\u3400-\\u9fff\\uf900-\\ufaff\\u3000-\\u303f\\uff00-\\uffef\\u2018-\\u201d';
const SPACE_BETWEEN_CJK = new RegExp(`([${CJK}])[ \\t\\u3000]+(?=[${CJK}])`, 'g');
const ENDS_CJK = /[\u3400-\u9fff]$/;
const STARTS_CJK = /^[\u3400-\u9fff]/;

/** Remove white space between two Chinese characters (OCR puts spaces inside words). */
export function removeSpacesInsideWords(text: string): string {
  return text.replace(SPACE_BETWEEN_CJK, '$1');
}

/** Join a spilled piece of a cell: no space inside a Chinese word cut in two, else one space. */
export function joinSpill(before: string, after: string): string {
  const a = before.trimEnd();
  const b = after.trimStart();
  if (!a) return b;
  if (!b) return a;
  return ENDS_CJK.test(a) && STARTS_CJK.test(b) ? a + b : `${a} ${b}`;
}
