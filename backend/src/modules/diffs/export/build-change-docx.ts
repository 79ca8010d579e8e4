import {
  AlignmentType,
  Document,
  Footer,
  Packer,
  PageNumber,
  PageOrientation,
  Paragraph,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import { CHANGE_TABLE_COLUMNS, type ChangeTableInput } from './change-table';

/** A4 landscape in twips, 2 cm margins. */
const PAGE = { width: 16838, height: 11906 };
const MARGIN = 1134;
const FONTS = { title: '方正小标宋简体', heading: '黑体', body: '仿宋_GB2312' } as const;
/** Relative widths: 序号, 所在清单, 变化, 原表述, 修改后表述, 修改理由. */
const COLUMN_SHARES = [7, 12, 12, 25, 25, 19] as const;

function run(text: string, font: string, size: number): TextRun {
  return new TextRun({ text, font: { ascii: font, eastAsia: font, hAnsi: font }, size });
}

/** A cell; a line break in the text starts a new paragraph (Word has no soft wrap in runs). */
function cell(text: string, width: number, header: boolean): TableCell {
  const lines = text === '' ? [''] : text.split('\n');
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: lines.map(
      (line) =>
        new Paragraph({
          alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
          children: [run(line, header ? FONTS.heading : FONTS.body, 21)],
        }),
    ),
  });
}

/** The 修改对照表 as a Word document: title, the two versions compared, one table row per changed item. */
export async function buildChangeTableDocx(input: ChangeTableInput): Promise<Buffer> {
  const pageWidth = PAGE.width - 2 * MARGIN;
  const total = COLUMN_SHARES.reduce((a, b) => a + b, 0);
  const widths = COLUMN_SHARES.map((s) => Math.floor((pageWidth * s) / total));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: CHANGE_TABLE_COLUMNS.map((label, i) => cell(label, widths[i], true)),
  });
  const rows = input.rows.map(
    (row) =>
      new TableRow({
        cantSplit: true,
        children: [row.seq, row.table, row.change, row.before, row.after, row.reason].map((text, i) =>
          cell(text, widths[i], false),
        ),
      }),
  );
  const body =
    input.rows.length > 0
      ? [
          new Table({
            layout: TableLayoutType.FIXED,
            width: { size: pageWidth, type: WidthType.DXA },
            columnWidths: widths,
            rows: [header, ...rows],
          }),
        ]
      : [new Paragraph({ alignment: AlignmentType.CENTER, children: [run('两个版本之间没有修改。', FONTS.body, 28)] })];
  const doc = new Document({
    title: input.title,
    creator: '履职事项清单审核系统',
    sections: [
      {
        properties: {
          page: {
            size: { width: PAGE.height, height: PAGE.width, orientation: PageOrientation.LANDSCAPE },
            margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
          },
        },
        footers: {
          default: new Footer({
            children: [
              new Paragraph({
                alignment: AlignmentType.CENTER,
                children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 24 })],
              }),
            ],
          }),
        },
        children: [
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 120 },
            children: [run(input.title, FONTS.title, 36)],
          }),
          new Paragraph({
            alignment: AlignmentType.CENTER,
            spacing: { after: 240 },
            children: [run(input.subtitle, FONTS.body, 24)],
          }),
          ...body,
        ],
      },
    ],
  });
  return Packer.toBuffer(doc);
}
