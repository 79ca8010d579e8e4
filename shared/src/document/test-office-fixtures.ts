import ExcelJS from 'exceljs';
import JSZip from 'jszip';
import { LIST_TABLE_LABELS, LIST_TABLES, type ListTable } from '../enums';
import { parseDutyListDocument } from './parse-document';
import type { DutyListRow } from './rows';
import { readSample } from './test-samples';

/** .docx and .xlsx versions of 碧流河镇, built here the way Word and Excel lay the tables out. */
export const clean = parseDutyListDocument(readSample('biliuhe'));
const HEADERS: Record<ListTable, string[]> = {
  basic: ['序号', '事项类别', '事项名称'],
  cooperative: ['序号', '事项类别', '事项名称', '对应上级部门', '上级部门职责', '乡镇配合职责'],
  revoked: ['序号', '事项类别', '事项名称', '承接部门及工作方式'],
};
function cells(table: ListTable, r: DutyListRow): string[] {
  const base = [String(r.seq), r.category ?? '', r.name];
  if (table === 'cooperative') return [...base, r.departments.join('、'), r.upperDuties, r.townshipDuties];
  if (table === 'revoked') return [...base, r.undertaker];
  return base;
}
export const withoutLine = (rows: DutyListRow[]) => rows.map(({ line: _line, ...rest }) => rest);

export async function buildXlsx(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  for (const table of LIST_TABLES) {
    const sheet = workbook.addWorksheet(LIST_TABLE_LABELS[table]);
    sheet.addRow(HEADERS[table]);
    for (const row of clean.lists[table]) sheet.addRow(cells(table, row));
  }
  // Excel users merge the category cells of a group: rows 2–9 of the basic sheet are all 党的建设.
  workbook.getWorksheet(LIST_TABLE_LABELS.basic)?.mergeCells('B2:B9');
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const xml = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${xml(text)}</w:t></w:r></w:p>`;

export async function buildDocx(): Promise<Buffer> {
  const body: string[] = [para('新疆维吾尔自治区昌吉回族自治州'), para('奇台县碧流河镇'), para('履职事项清单')];
  for (const table of LIST_TABLES) {
    body.push(para(`昌吉州奇台县碧流河镇${LIST_TABLE_LABELS[table]}`));
    const rows = [HEADERS[table], ...clean.lists[table].map((r) => cells(table, r))];
    const trs = rows.map((row, i) => {
      const tcs = row.map((text, c) => {
        // Word merges the category cells of the first group vertically (rows 1–8 of the basic table).
        if (table === 'basic' && c === 1 && i >= 1 && i <= 8) {
          const merge = i === 1 ? '<w:vMerge w:val="restart"/>' : '<w:vMerge/>';
          return `<w:tc><w:tcPr>${merge}</w:tcPr>${para(i === 1 ? text : '')}</w:tc>`;
        }
        return `<w:tc>${para(text)}</w:tc>`;
      });
      return `<w:tr>${tcs.join('')}</w:tr>`;
    });
    body.push(`<w:tbl>${trs.join('')}</w:tbl>`);
  }
  const zip = new JSZip();
  zip.file(
    '[Content_Types].xml',
    '<?xml version="1.0" encoding="UTF-8"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="application/vnd.openxmlformats-officedocument.wordprocessingml.document.main+xml"/></Types>',
  );
  zip.file(
    '_rels/.rels',
    '<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="word/document.xml"/></Relationships>',
  );
  zip.file(
    'word/document.xml',
    `<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body.join('')}</w:body></w:document>`,
  );
  return zip.generateAsync({ type: 'nodebuffer' });
}
