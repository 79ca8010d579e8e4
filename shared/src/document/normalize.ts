/** Text normalisation shared by the parser, validation and matching. */

/** Strip the HTML-like markup Word exports put inside cells, keeping content such as `<站>`. */
export function stripCellMarkup(text: string): string {
  return text
    .replace(/<\/?(?:p|ol|ul|li|br|span|div|strong|b|i|em)(?:\s[^<>]*)?\/?>/gi, ' ')
    .replace(/[ \t\u3000]+/g, ' ')
    .trim();
}

/** Undo the quoting of a spreadsheet copied as text: `"a ""b"" c"` → `a "b" c` (Chinese text quotes with “”). */
export function unquoteCell(text: string): string {
  const t = text.trim();
  return t.length >= 2 && t.startsWith('"') && t.endsWith('"') ? t.slice(1, -1).replace(/""/g, '"') : text;
}

/** Normalise a cell for display: collapse white space, strip markup and spreadsheet quoting. */
export function cleanCell(text: string): string {
  return stripCellMarkup(unquoteCell(text.replace(/\r/g, '')));
}

/** Remove every kind of white space (OCR puts spaces inside Chinese words). */
export function removeSpaces(text: string): string {
  return text.replace(/[\s\u3000]+/g, '');
}

/** Split a 对应上级部门 cell into department names. */
export function splitDepartments(text: string): string[] {
  return cleanCell(text)
    .split(/[、，,；;/]+/)
    .map((d) => removeSpaces(d))
    .filter((d) => d.length > 0);
}
