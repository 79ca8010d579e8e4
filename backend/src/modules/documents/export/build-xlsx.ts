import ExcelJS from 'exceljs';
import {
  EXPORT_COLUMNS,
  contentsLines,
  LIST_TABLE_LABELS,
  LIST_TABLES,
  type DutyListExportInput,
  type ListTable,
  generateExplanation,
  rowCells,
  tableTitle,
  titleBlockLines,
} from '@dutylist/shared';

/** Column widths (in characters) of each table sheet. */
const COLUMN_WIDTHS: Record<ListTable, readonly number[]> = {
  basic: [6, 14, 90],
  cooperative: [6, 12, 24, 24, 50, 50],
  revoked: [6, 12, 40, 60],
};
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = '仿宋_GB2312';

/**
 * A 说明 sheet (title block, then one paragraph per row) and one sheet per table, named as the table,
 * with the title in A1, the header in row 2 (frozen, and repeated on every printed page) and one row per item.
 * Title cells are not merged: merged cells would read back as the same text in every column.
 */
export async function buildDutyListXlsx(input: DutyListExportInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '履职事项清单审核系统';

  const about = workbook.addWorksheet('说明', { pageSetup: { paperSize: 9, orientation: 'portrait', fitToWidth: 1 } });
  about.getColumn(1).width = 100;
  const addParagraph = (text: string, style: Partial<ExcelJS.Font>, center = false) => {
    const row = about.addRow([text]);
    row.getCell(1).font = { name: FONT, size: 12, ...style };
    row.getCell(1).alignment = { wrapText: true, vertical: 'top', horizontal: center ? 'center' : 'left' };
  };
  for (const line of titleBlockLines(input)) addParagraph(line, { bold: true, size: 16 }, true);
  about.addRow([]);
  const explanation = generateExplanation(input);
  addParagraph(explanation.title, { bold: true, size: 14 }, true);
  for (const s of explanation.sections) {
    addParagraph(s.heading, { bold: true });
    for (const p of s.paragraphs) addParagraph(p, {});
  }
  addParagraph('目 录', { bold: true, size: 14 }, true);
  for (const line of contentsLines()) addParagraph(line, {});

  for (const table of LIST_TABLES) {
    const sheet = workbook.addWorksheet(LIST_TABLE_LABELS[table], {
      views: [{ state: 'frozen', ySplit: 2 }],
      pageSetup: {
        paperSize: 9, // A4
        orientation: table === 'cooperative' ? 'landscape' : 'portrait',
        fitToPage: true,
        fitToWidth: 1,
        fitToHeight: 0,
        printTitlesRow: '2:2',
      },
    });
    COLUMN_WIDTHS[table].forEach((width, i) => (sheet.getColumn(i + 1).width = width));
    const title = sheet.addRow([tableTitle(input, table)]);
    title.getCell(1).font = { name: FONT, size: 14, bold: true };
    const header = sheet.addRow([...EXPORT_COLUMNS[table]]);
    header.eachCell((c) => {
      c.font = { name: FONT, size: 11, bold: true };
      c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
      c.border = BORDER;
    });
    input.items[table].forEach((item, index) => {
      const [, ...text] = rowCells(table, item, index);
      const row = sheet.addRow([index + 1, ...text]);
      for (let c = 1; c <= EXPORT_COLUMNS[table].length; c += 1) {
        const target = row.getCell(c);
        target.font = { name: FONT, size: 10 };
        target.alignment = { vertical: 'top', wrapText: true, horizontal: c <= 2 ? 'center' : 'left' };
        target.border = BORDER;
      }
    });
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
