/**
 * The official layout of a duty list (履职事项清单), as plain text in the format the parser reads:
 * title block, a generated 说明, then each table with its section title, header row and one
 * tab-separated line per row. The pieces (title lines, 说明, header and row cells) are exported so the
 * Word and Excel exports lay out exactly the same content.
 */
import { CATEGORIES, type Category, LIST_TABLE_LABELS, LIST_TABLES, type ListTable } from '../enums';
import type { Explanation } from '../contracts/lists';

export const REGION_NAME = '新疆维吾尔自治区';

/** One item as exported: the fields of its table (unused ones empty). Order in the input is document order. */
export interface DutyListExportItem {
  category: Category | null;
  name: string;
  departments: readonly string[];
  upperDuties: string;
  townshipDuties: string;
  undertaker: string;
}

/** The exported fields of anything shaped like an item (a parsed row, a draft item, a version item). */
export function toExportItem(item: DutyListExportItem): DutyListExportItem {
  const { category, name, departments, upperDuties, townshipDuties, undertaker } = item;
  return { category, name, departments: [...departments], upperDuties, townshipDuties, undertaker };
}

export interface DutyListExportInput {
  /** Defaults to 新疆维吾尔自治区. */
  region?: string | null;
  prefecture: string | null;
  county: string | null;
  township: string | null;
  /** The edition year, e.g. 2025. */
  edition: number;
  /** The stored 说明; its 一、基本情况 and 二、编制过程 are kept, 三、清单内容 is generated from the items. */
  explanation?: Partial<Explanation> | null;
  items: Record<ListTable, readonly DutyListExportItem[]>;
}

/** The columns of each table, as headed in the documents. */
export const EXPORT_COLUMNS: Record<ListTable, readonly string[]> = {
  basic: ['序号', '事项类别', '事项名称'],
  cooperative: ['序号', '事项类别', '事项名称', '对应上级部门', '上级部门职责', '乡镇配合职责'],
  revoked: ['序号', '事项类别', '事项名称', '承接部门及工作方式'],
};

export interface ExplanationSection {
  /** `一、基本情况`, `二、编制过程`, `三、清单内容` (numbered in order of the sections present). */
  heading: string;
  paragraphs: string[];
}

export interface GeneratedExplanation {
  title: '说明';
  sections: ExplanationSection[];
}

export type TableCountsOf = Record<ListTable, number>;

const NUMERALS = ['一', '二', '三', '四'];

/** Chinese characters and full-width punctuation: a line break between two of them is no word break. */
const CJK = /[\u3000-\u303f\u3400-\u9fff\uf900-\ufaff\uff00-\uffef]/;

/**
 * A cell or paragraph on one line: tabs and line breaks (which separate cells and rows) become a
 * space, or nothing between two Chinese characters, as Word joins wrapped Chinese text.
 */
export function oneLine(text: string | null | undefined): string {
  return (text ?? '')
    .replace(/[ \u3000]*[\t\r\n\u2028\u2029\v\f][\s\u3000]*/g, (gap, at: number, whole: string) =>
      CJK.test(whole[at - 1] ?? '') && CJK.test(whole[at + gap.length] ?? '') ? '' : ' ',
    )
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** The stored text of a 说明 section as paragraphs: one per non-empty line. */
function paragraphsOf(text: string | null | undefined): string[] {
  return (text ?? '')
    .split(/\r\n|\r|\n|\u2028|\u2029/)
    .map(oneLine)
    .filter(Boolean);
}

/** 镇 / 乡 / 街道: how the 说明 calls the township itself (本镇). */
function unitOf(township: string | null): string {
  if (!township) return '乡镇';
  if (township.endsWith('街道') || township.endsWith('街道办事处')) return '街道';
  if (township.endsWith('镇')) return '镇';
  if (township.endsWith('乡')) return '乡';
  return '乡镇';
}

export function countItems(items: DutyListExportInput['items']): TableCountsOf {
  return { basic: items.basic.length, cooperative: items.cooperative.length, revoked: items.revoked.length };
}

/** The categories used in a table, in the standard order. */
export function categoriesOf(items: readonly DutyListExportItem[]): Category[] {
  const used = new Set(items.map((i) => i.category));
  return CATEGORIES.filter((c) => used.has(c));
}

/**
 * The distinct departments named by the cooperative items, in order of first mention; spellings that
 * differ only in full- or half-width brackets and spaces count once.
 */
export function departmentsOf(items: readonly DutyListExportItem[]): string[] {
  const byKey = new Map<string, string>();
  for (const name of items.flatMap((i) => i.departments.map(oneLine))) {
    const key = name.normalize('NFKC').replace(/\s+/g, '');
    if (key && !byKey.has(key)) byKey.set(key, name);
  }
  return [...byKey.values()];
}

/**
 * Bring counts stated in free text (`共有履职事项 309 项`, `基本履职事项 119 项` …) up to date, so a 说明
 * written for an earlier draft never contradicts the tables.
 */
export function refreshStatedCounts(text: string, counts: TableCountsOf): string {
  const total = counts.basic + counts.cooperative + counts.revoked;
  return text
    .replace(/((?:共有|共计|合计|总计)(?:各类)?履职事项\s*)\d+(\s*项)/g, `$1${total}$2`)
    .replace(/((?<![本合])履职事项(?:共有|共计|合计|总计|共)\s*)\d+(\s*项)/g, `$1${total}$2`)
    .replace(/(基本(?:履职)?事项(?:清单)?(?:共有|共计|共|有)?\s*)\d+(\s*项)/g, `$1${counts.basic}$2`)
    .replace(/(配合(?:履职)?事项(?:清单)?(?:共有|共计|共|有)?\s*)\d+(\s*项)/g, `$1${counts.cooperative}$2`)
    .replace(/(收回(?:的)?事项(?:清单)?(?:共有|共计|共|有)?\s*)\d+(\s*项)/g, `$1${counts.revoked}$2`);
}

function categorySentence(categories: Category[]): string {
  return categories.length > 0 ? `${categories.join('、')} ${categories.length} 个类别，` : '';
}

/** The 三、清单内容 paragraphs: the counts, then each table's categories (and the departments involved). */
export function contentParagraphs(input: Pick<DutyListExportInput, 'township' | 'items'>): string[] {
  const counts = countItems(input.items);
  const total = counts.basic + counts.cooperative + counts.revoked;
  const unit = unitOf(input.township);
  const departments = departmentsOf(input.items.cooperative);
  const basicCats = categoriesOf(input.items.basic);
  const coopCats = categoriesOf(input.items.cooperative);
  const revokedCats = categoriesOf(input.items.revoked);
  return [
    `${input.township ?? `本${unit}`}共有履职事项 ${total} 项，其中，基本履职事项 ${counts.basic} 项、配合履职事项 ${counts.cooperative} 项、上级部门收回事项 ${counts.revoked} 项。`,
    `基本履职事项清单是本${unit}必须为、负全责的事项。` +
      (counts.basic > 0
        ? `主要包括${categorySentence(basicCats)}共有基本履职事项 ${counts.basic} 项。`
        : '本清单暂无事项。'),
    `配合履职事项清单是以上级部门为主负责、${unit}为辅配合的履职事项。` +
      (counts.cooperative > 0
        ? `主要包括${categorySentence(coopCats)}共有配合履职事项 ${counts.cooperative} 项，涉及 ${departments.length} 个部门（单位）。`
        : '本清单暂无事项。'),
    `上级部门收回事项清单是与本${unit}工作没有直接关联的事项，专业性技术性强、经评估${unit}无力承接的事项，以及长期未实际履行的事项。` +
      (counts.revoked > 0
        ? `包括${categorySentence(revokedCats)}共有上级部门收回事项 ${counts.revoked} 项。`
        : '本清单暂无事项。'),
  ];
}

/**
 * The 说明: the stored 基本情况 and 编制过程 (counts in them brought up to date) and a generated
 * 清单内容 stating the counts, the categories of each table and the departments involved.
 */
export function generateExplanation(input: DutyListExportInput): GeneratedExplanation {
  const counts = countItems(input.items);
  const stored: Array<[string, string[]]> = [
    ['基本情况', paragraphsOf(input.explanation?.basicInfo).map((p) => refreshStatedCounts(p, counts))],
    ['编制过程', paragraphsOf(input.explanation?.process).map((p) => refreshStatedCounts(p, counts))],
  ];
  const present = [
    ...stored.filter(([, paragraphs]) => paragraphs.length > 0),
    ['清单内容', contentParagraphs(input)] as [string, string[]],
  ];
  return {
    title: '说明',
    sections: present.map(([name, paragraphs], i) => ({ heading: `${NUMERALS[i]}、${name}`, paragraphs })),
  };
}

/** The title block: 新疆维吾尔自治区<州> / <县><乡镇> / 履职事项清单 / <year>年. */
export function titleBlockLines(input: DutyListExportInput): string[] {
  return [
    `${input.region ?? REGION_NAME}${input.prefecture ?? ''}`,
    `${input.county ?? ''}${input.township ?? ''}`,
    '履职事项清单',
    `${input.edition}年`,
  ];
}

/** The 目录 after the 说明: the three tables in order (a text file has no page numbers). */
export function contentsLines(): string[] {
  return LIST_TABLES.map((table, i) => `${i + 1}. ${LIST_TABLE_LABELS[table]}`);
}

/** The title above a table: `奇台县碧流河镇基本履职事项清单`. */
export function tableTitle(input: Pick<DutyListExportInput, 'county' | 'township'>, table: ListTable): string {
  return `${input.county ?? ''}${input.township ?? ''}${LIST_TABLE_LABELS[table]}`;
}

/** The cells of one row of a table (序号 is the position, 1-based); departments joined with 、. */
export function rowCells(table: ListTable, item: DutyListExportItem, index: number): string[] {
  const lead = [String(index + 1), oneLine(item.category), oneLine(item.name)];
  if (table === 'basic') return lead;
  if (table === 'revoked') return [...lead, oneLine(item.undertaker)];
  return [
    ...lead,
    item.departments.map(oneLine).filter(Boolean).join('、'),
    oneLine(item.upperDuties),
    oneLine(item.townshipDuties),
  ];
}

/** The whole list as text in the official layout (lines joined with `\n`, ending with a newline). */
export function formatDutyListText(input: DutyListExportInput): string {
  const lines: string[] = [...titleBlockLines(input), ''];
  const explanation = generateExplanation(input);
  lines.push(explanation.title, '');
  for (const section of explanation.sections)
    lines.push(section.heading, '', ...section.paragraphs.flatMap((p) => [p, '']));
  lines.push('目 录', '', ...contentsLines(), '');
  for (const table of LIST_TABLES) {
    lines.push(tableTitle(input, table), '', EXPORT_COLUMNS[table].join('\t'));
    input.items[table].forEach((item, i) => lines.push(rowCells(table, item, i).join('\t')));
    lines.push('');
  }
  return `${lines.join('\n')}\n`;
}
