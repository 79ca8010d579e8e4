import {
  AlignmentType,
  Document,
  Footer,
  type IRunOptions,
  type ISectionOptions,
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
import {
  EXPORT_COLUMNS,
  contentsLines,
  LIST_TABLES,
  type DutyListExportInput,
  type ListTable,
  generateExplanation,
  rowCells,
  tableTitle,
  titleBlockLines,
} from '@dutylist/shared';

/** A4 in twips (1/1440 inch); docx swaps width and height for landscape sections. */
const A4 = { width: 11906, height: 16838 };
const MARGIN = 1134; // 2 cm
const FONTS = { title: '方正小标宋简体', heading: '黑体', body: '仿宋_GB2312' } as const;

/** Relative column widths of each table (the cooperative one is printed landscape). */
const COLUMN_SHARES: Record<ListTable, readonly number[]> = {
  basic: [7, 13, 80],
  cooperative: [5, 9, 14, 14, 29, 29],
  revoked: [6, 11, 35, 48],
};
const LANDSCAPE: Record<ListTable, boolean> = { basic: false, cooperative: true, revoked: false };

function run(text: string, font: string, size: number, extra: IRunOptions = {}): TextRun {
  // Sizes are in half-points: 44 = 二号, 32 = 三号, 24 = 小四, 21 = 五号.
  return new TextRun({ text, font: { ascii: font, eastAsia: font, hAnsi: font }, size, ...extra });
}

interface ParagraphOptions {
  center?: boolean;
  /** First-line indent of two characters (body text). */
  indent?: boolean;
  /** Start a new page (the 说明 and the 目录 each open a page after the cover). */
  newPage?: boolean;
  /** Space before, in twips (pushes the cover title down the page). */
  before?: number;
}

function paragraph(text: string, font: string, size: number, options: ParagraphOptions = {}) {
  return new Paragraph({
    alignment: options.center ? AlignmentType.CENTER : AlignmentType.JUSTIFIED,
    indent: options.indent ? { firstLine: size * 20 } : undefined,
    pageBreakBefore: options.newPage,
    spacing: { before: options.before, after: 120, line: 360 },
    children: [run(text, font, size)],
  });
}

function pageFooter(): Footer {
  return new Footer({
    children: [
      new Paragraph({
        alignment: AlignmentType.CENTER,
        children: [new TextRun({ children: ['— ', PageNumber.CURRENT, ' —'], size: 24 })],
      }),
    ],
  });
}

function section(children: ISectionOptions['children'], landscape: boolean): ISectionOptions {
  return {
    properties: {
      page: {
        size: { ...A4, orientation: landscape ? PageOrientation.LANDSCAPE : PageOrientation.PORTRAIT },
        margin: { top: MARGIN, bottom: MARGIN, left: MARGIN, right: MARGIN },
      },
    },
    footers: { default: pageFooter() },
    children,
  };
}

function cell(text: string, width: number, header: boolean): TableCell {
  return new TableCell({
    width: { size: width, type: WidthType.DXA },
    verticalAlign: VerticalAlignTable.CENTER,
    margins: { top: 40, bottom: 40, left: 80, right: 80 },
    children: [
      new Paragraph({
        alignment: header ? AlignmentType.CENTER : AlignmentType.LEFT,
        children: [run(text, header ? FONTS.heading : FONTS.body, 21)],
      }),
    ],
  });
}

/** One table: its header row repeats on every page; rows do not break across pages. */
function dutyTable(input: DutyListExportInput, table: ListTable): Table {
  const pageWidth = (LANDSCAPE[table] ? A4.height : A4.width) - 2 * MARGIN;
  const shares = COLUMN_SHARES[table];
  const total = shares.reduce((a, b) => a + b, 0);
  const widths = shares.map((s) => Math.floor((pageWidth * s) / total));
  const header = new TableRow({
    tableHeader: true,
    cantSplit: true,
    children: EXPORT_COLUMNS[table].map((label, i) => cell(label, widths[i], true)),
  });
  const rows = input.items[table].map(
    (item, index) =>
      new TableRow({
        cantSplit: true,
        children: rowCells(table, item, index).map((text, i) => cell(text, widths[i], false)),
      }),
  );
  return new Table({
    layout: TableLayoutType.FIXED,
    width: { size: pageWidth, type: WidthType.DXA },
    columnWidths: widths,
    rows: [header, ...rows],
  });
}

/** The list as a Word document: title block and 说明, then each table in its own section. */
export async function buildDutyListDocx(input: DutyListExportInput): Promise<Buffer> {
  const [regionLine, townshipLine, titleLine, yearLine] = titleBlockLines(input);
  const explanation = generateExplanation(input);
  const front = [
    paragraph(regionLine, FONTS.title, 44, { center: true, before: 3600 }),
    paragraph(townshipLine, FONTS.title, 44, { center: true }),
    paragraph(titleLine, FONTS.title, 44, { center: true }),
    paragraph(yearLine, FONTS.body, 32, { center: true, before: 2400 }),
    paragraph(explanation.title, FONTS.title, 36, { center: true, newPage: true }),
    ...explanation.sections.flatMap((s) => [
      paragraph(s.heading, FONTS.heading, 32),
      ...s.paragraphs.map((p) => paragraph(p, FONTS.body, 32, { indent: true })),
    ]),
    paragraph('目 录', FONTS.title, 36, { center: true, newPage: true }),
    ...contentsLines().map((line) => paragraph(line, FONTS.body, 32)),
  ];
  const tables = LIST_TABLES.map((table) =>
    section(
      [paragraph(tableTitle(input, table), FONTS.title, 36, { center: true }), dutyTable(input, table)],
      LANDSCAPE[table],
    ),
  );
  const doc = new Document({
    title: `${input.township ?? ''}履职事项清单（${input.edition}年）`,
    creator: '履职事项清单审核系统',
    sections: [section(front, false), ...tables],
  });
  return Packer.toBuffer(doc);
}
