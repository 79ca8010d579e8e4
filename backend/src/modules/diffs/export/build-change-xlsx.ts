import ExcelJS from 'exceljs';
import { CHANGE_TABLE_COLUMNS, type ChangeTableInput } from './change-table';

const COLUMN_WIDTHS = [10, 20, 20, 50, 50, 40] as const;
const THIN = { style: 'thin' } as const;
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };
const FONT = '仿宋_GB2312';

/**
 * The 修改对照表 as one sheet: the title in A1, the compared versions in A2, the header in row 3 (frozen and
 * printed on every page) and one row per changed item. Title cells are not merged, so they read back once.
 */
export async function buildChangeTableXlsx(input: ChangeTableInput): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '履职事项清单审核系统';
  const sheet = workbook.addWorksheet('修改对照表', {
    views: [{ state: 'frozen', ySplit: 3 }],
    pageSetup: { paperSize: 9, orientation: 'landscape', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  sheet.pageSetup.printTitlesRow = '3:3';
  COLUMN_WIDTHS.forEach((width, i) => (sheet.getColumn(i + 1).width = width));
  sheet.addRow([input.title]).getCell(1).font = { name: FONT, size: 14, bold: true };
  sheet.addRow([input.subtitle]).getCell(1).font = { name: FONT, size: 11 };
  const header = sheet.addRow([...CHANGE_TABLE_COLUMNS]);
  header.eachCell((c) => {
    c.font = { name: FONT, size: 11, bold: true };
    c.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    c.border = BORDER;
  });
  for (const row of input.rows) {
    const added = sheet.addRow([row.seq, row.table, row.change, row.before, row.after, row.reason]);
    for (let c = 1; c <= CHANGE_TABLE_COLUMNS.length; c += 1) {
      const target = added.getCell(c);
      target.font = { name: FONT, size: 10 };
      target.alignment = { vertical: 'top', wrapText: true, horizontal: c === 1 ? 'center' : 'left' };
      target.border = BORDER;
    }
  }
  return Buffer.from(await workbook.xlsx.writeBuffer());
}
