import * as iconv from 'iconv-lite';
import { LIST_TABLES } from '../enums';
import { type ParsedDutyListDocument, parseDutyListDocument } from './parse-document';
import type { DutyListRow } from './rows';
import { readSample } from './test-samples';

/**
 * Damaged variants of a real sample, generated here as documents really arrive (OCR, GBK, CRLF, page
 * breaks): each must give the same items as the clean document, with the damage reported.
 */
const clean = readSample('biliuhe').toString('utf8');
const cleanDoc = parseDutyListDocument(clean);
const lines = clean.split('\n');
const CJK = /[\u4e00-\u9fff]/;

const withoutLine = (rows: DutyListRow[]) => rows.map(({ line: _line, ...rest }) => rest);
function expectSameItems(doc: ParsedDutyListDocument, keepLines = true): void {
  for (const table of LIST_TABLES) {
    if (keepLines) expect(doc.lists[table]).toEqual(cleanDoc.lists[table]);
    else expect(withoutLine(doc.lists[table])).toEqual(withoutLine(cleanDoc.lists[table]));
  }
}
const codesAt = (doc: ParsedDutyListDocument, line: number) =>
  doc.issues.filter((i) => i.line === line).map((i) => i.code);

/** Insert a space in the middle of a Chinese word. */
function spaceInside(text: string): string {
  for (let i = Math.floor(text.length / 2); i < text.length - 1; i += 1) {
    if (CJK.test(text[i]) && CJK.test(text[i + 1])) return `${text.slice(0, i + 1)} ${text.slice(i + 1)}`;
  }
  return text;
}

function editRow(source: string[], line: number, edit: (cells: string[]) => void): string[] {
  const copy = source.slice();
  const cells = copy[line - 1].split('\t');
  edit(cells);
  copy[line - 1] = cells.join('\t');
  return copy;
}

describe('parseDutyListDocument on damaged variants of 碧流河镇', () => {
  it('sanity: the clean sample has no warning or error', () => {
    expect(cleanDoc.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('removes OCR spaces inside categories, names and departments, and says so', () => {
    const rows = [cleanDoc.lists.basic[4], cleanDoc.lists.cooperative[5], cleanDoc.lists.revoked[2]];
    let damaged = lines;
    for (const row of rows) {
      damaged = editRow(damaged, row.line, (cells) => {
        cells[1] = spaceInside(cells[1]);
        cells[2] = spaceInside(cells[2]);
        if (cells.length === 6) cells[3] = cells[3].replace('县委', '县 委');
      });
    }
    expect(damaged[rows[0].line - 1]).toMatch(/党的 建设|党的建 设/);
    const doc = parseDutyListDocument(damaged.join('\n'));
    expectSameItems(doc);
    for (const row of rows) expect(codesAt(doc, row.line)).toContain('SPACES_REMOVED');
  });

  it('infers blank or garbled categories when both neighbours agree, and reports an error otherwise', () => {
    const inGroup = cleanDoc.lists.basic[3]; // 党的建设 between 党的建设 rows
    const garbled = cleanDoc.lists.cooperative[2];
    const boundary = cleanDoc.lists.basic.findIndex((r, i, all) => i > 0 && r.category !== all[i - 1].category);
    const atBoundary = cleanDoc.lists.basic[boundary];
    let damaged = editRow(lines, inGroup.line, (cells) => (cells[1] = ''));
    damaged = editRow(damaged, garbled.line, (cells) => (cells[1] = '党的建殳'));
    damaged = editRow(damaged, atBoundary.line, (cells) => (cells[1] = ' '));
    const doc = parseDutyListDocument(damaged.join('\n'));

    expect(doc.lists.basic[3]).toEqual(inGroup);
    expect(doc.issues).toContainEqual(
      expect.objectContaining({
        code: 'CATEGORY_INFERRED',
        severity: 'warning',
        line: inGroup.line,
        list: 'basic',
        seq: 4,
      }),
    );
    expect(doc.lists.cooperative[2]).toEqual(garbled);
    expect(codesAt(doc, garbled.line)).toEqual(['CATEGORY_INFERRED']);
    expect(doc.lists.basic[boundary]).toEqual({ ...atBoundary, category: null });
    expect(doc.issues).toContainEqual(
      expect.objectContaining({ code: 'CATEGORY_BLANK', severity: 'error', line: atBoundary.line }),
    );
  });

  it('keeps a row with a blank name and reports it', () => {
    const row = cleanDoc.lists.revoked[4];
    const doc = parseDutyListDocument(editRow(lines, row.line, (cells) => (cells[2] = '')).join('\n'));
    expect(doc.lists.revoked).toHaveLength(37);
    expect(doc.lists.revoked[4]).toEqual({ ...row, name: '' });
    expect(doc.issues).toContainEqual(
      expect.objectContaining({ code: 'NAME_BLANK', severity: 'error', line: row.line, list: 'revoked', seq: 5 }),
    );
  });

  it('moves a name written into the category column back and reports the shift', () => {
    const row = cleanDoc.lists.basic[20];
    const doc = parseDutyListDocument(
      editRow(lines, row.line, (cells) => cells.splice(1, 2, `${cells[1]}${cells[2]}`)).join('\n'),
    );
    expect(doc.lists.basic[20]).toEqual(row);
    expect(codesAt(doc, row.line)).toContain('COLUMN_SHIFT');
  });

  it('decodes GBK bytes', () => {
    const doc = parseDutyListDocument(iconv.encode(clean, 'gbk'));
    expectSameItems(doc);
    expect(doc.township).toBe('碧流河镇');
    expect(doc.issues[0]).toMatchObject({ code: 'ENCODING_CONVERTED', severity: 'info' });
  });

  it('reads CRLF line ends and a UTF-8 BOM with the same line numbers', () => {
    const bytes = Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(clean.replace(/\n/g, '\r\n'))]);
    expectSameItems(parseDutyListDocument(bytes));
  });

  it('skips page footers and separator lines', () => {
    const damaged = lines.map((l, i) => (l === '' && i > 20 ? (i % 2 ? '第 14 页, 共 43 页' : '— 15 —') : l));
    expect(damaged.filter((l) => l.startsWith('第 14 页'))).not.toHaveLength(0);
    expectSameItems(parseDutyListDocument(damaged.join('\n')));
  });

  it('continues a row split by a page break right after the repeated header', () => {
    const row = cleanDoc.lists.cooperative[10];
    const text = lines[row.line - 1];
    let cut = Math.floor(text.length * 0.8);
    while (!(CJK.test(text[cut - 1]) && CJK.test(text[cut]))) cut += 1;
    const header = lines.find((l) => l.startsWith('序号') && l.includes('配合职责')) ?? '';
    const damaged = [
      ...lines.slice(0, row.line - 1),
      text.slice(0, cut),
      '',
      '第 20 页, 共 43 页',
      '',
      header,
      text.slice(cut),
      ...lines.slice(row.line),
    ];
    const doc = parseDutyListDocument(damaged.join('\n'));
    expectSameItems(doc, false);
    expect(doc.issues).toContainEqual(
      expect.objectContaining({ code: 'ROW_CONTINUED', severity: 'info', line: row.line + 5, seq: row.seq }),
    );
  });

  it('finds tables by a varied header when the section titles are missing', () => {
    const damaged = lines
      .filter((l) => !/^昌吉州.*清单$/.test(l))
      .map((l) => l.replace('事项类别', '事项 类别').replace('乡镇配合职责', '乡镇（街道）配合职责'));
    const doc = parseDutyListDocument(damaged.join('\n'));
    expectSameItems(doc, false);
    expect(doc.issues.filter((i) => i.code === 'TABLE_TITLE_MISSING').map((i) => i.list)).toEqual([
      'basic',
      'cooperative',
      'revoked',
    ]);
    expect(doc.township).toBe('碧流河镇');
  });

  it('reads full-width digits and punctuation in the numbering and a misspelt title', () => {
    const row = cleanDoc.lists.basic[8];
    const damaged = editRow(lines, row.line, (cells) => (cells[0] = '９')).map((l) =>
      l.replace('碧流河镇基本履职事项清单', '碧流河镇基木履职事项清单'),
    );
    const doc = parseDutyListDocument(damaged.join('\n'));
    expectSameItems(doc);
    expect(doc.issues).toContainEqual(
      expect.objectContaining({ code: 'TABLE_TITLE_MISSING', list: 'basic', severity: 'info' }),
    );
  });

  it('keeps a row whose number OCR garbled or glued to the category, and reports it', () => {
    const garbled = cleanDoc.lists.basic[11];
    const glued = cleanDoc.lists.cooperative[40];
    let damaged = editRow(lines, garbled.line, (cells) => (cells[0] = 'l2'));
    damaged = editRow(damaged, glued.line, (cells) => cells.splice(0, 2, `${cells[0]}${cells[1]}`));
    const doc = parseDutyListDocument(damaged.join('\n'));
    expectSameItems(doc);
    expect(doc.issues).toContainEqual(
      expect.objectContaining({ code: 'SEQ_UNREADABLE', severity: 'warning', line: garbled.line, seq: 12 }),
    );
    expect(codesAt(doc, glued.line)).toEqual(['COLUMN_SHIFT']);
  });

  it('skips 续表 markers, slash footers and a header cell wrapped onto the next line', () => {
    const row = cleanDoc.lists.cooperative[20];
    const header = lines.find((l) => l.startsWith('序号') && l.includes('配合职责')) ?? '';
    const wrapped = [header.replace('乡镇配合职责', '乡镇').replace('上级部门职责', '上级部门职 责'), '配合职责'];
    // Row 21 is followed by a blank line and the repeated header: damage that header in place.
    expect(lines[row.line + 1]).toBe(header);
    const damaged = [
      ...lines.slice(0, row.line),
      '第 20 页/共 43 页',
      '续表',
      ...wrapped,
      ...lines.slice(row.line + 2),
    ];
    const doc = parseDutyListDocument(damaged.join('\n'));
    expectSameItems(doc, false);
    expect(doc.issues.filter((i) => i.severity !== 'info')).toEqual([]);
  });

  it('splits departments only outside brackets', () => {
    const row = cleanDoc.lists.cooperative[7];
    const cell = '奇台县委组织部（县委编办、县人社局）、奇台县民政局';
    const doc = parseDutyListDocument(editRow(lines, row.line, (cells) => (cells[3] = cell)).join('\n'));
    expect(doc.lists.cooperative[7].departments).toEqual(['奇台县委组织部（县委编办、县人社局）', '奇台县民政局']);
  });

  it('reads a table indented by one empty column', () => {
    const damaged = lines.map((l, i) => (i > 14 && l.includes('\t') ? `\t${l}` : l));
    expectSameItems(parseDutyListDocument(damaged.join('\n')));
  });

  it('reads cells quoted by a spreadsheet copy, with line breaks inside', () => {
    const row = cleanDoc.lists.cooperative[30];
    const text = lines[row.line - 1].split('\t');
    const cut = text[5].indexOf('2.') > 0 ? text[5].indexOf('2.') : Math.floor(text[5].length / 2);
    const quoted = [...text.slice(0, 5), `"${text[5].slice(0, cut).trimEnd()}`, `${text[5].slice(cut)}"`];
    const damaged = [
      ...lines.slice(0, row.line - 1),
      quoted.slice(0, 6).join('\t'),
      quoted[6],
      ...lines.slice(row.line),
    ];
    const doc = parseDutyListDocument(damaged.join('\n'));
    expect(withoutLine(doc.lists.cooperative)).toEqual(withoutLine(cleanDoc.lists.cooperative));
  });

  it('keeps a UTF-8 file with a few broken bytes as UTF-8 and reports where', () => {
    const bytes = Buffer.from(clean);
    const row = cleanDoc.lists.revoked[0];
    const at = bytes.indexOf(Buffer.from(lines[row.line - 1]));
    bytes[at + 3] = 0xff; // inside the category of that row
    const doc = parseDutyListDocument(bytes);
    expect(doc.township).toBe('碧流河镇');
    expect(doc.lists.revoked).toHaveLength(37);
    expect(doc.issues[0]).toMatchObject({ code: 'ENCODING_INVALID_BYTES', severity: 'warning', line: row.line });
  });
});
