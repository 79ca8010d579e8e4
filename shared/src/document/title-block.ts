import type { Explanation } from '../contracts/lists';
import { compact } from './headers';

export interface DocumentTitle {
  region: string | null;
  prefecture: string | null;
  county: string | null;
  township: string | null;
}

export interface StatedCounts {
  basic: number | null;
  cooperative: number | null;
  revoked: number | null;
  /** The stated total, or the sum of the three when no total is stated. */
  total: number | null;
}

const REGION = '新疆维吾尔自治区';

/** Prefecture-level units of Xinjiang: full name and the short forms documents use. */
const PREFECTURES: ReadonlyArray<readonly [string, readonly string[]]> = [
  ['乌鲁木齐市', ['乌市']],
  ['克拉玛依市', []],
  ['吐鲁番市', ['吐鲁番地区']],
  ['哈密市', ['哈密地区']],
  ['昌吉回族自治州', ['昌吉州']],
  ['博尔塔拉蒙古自治州', ['博州']],
  ['巴音郭楞蒙古自治州', ['巴州']],
  ['阿克苏地区', ['阿克苏']],
  ['克孜勒苏柯尔克孜自治州', ['克州']],
  ['喀什地区', ['喀什']],
  ['和田地区', ['和田']],
  ['伊犁哈萨克自治州', ['伊犁州', '伊犁']],
  ['塔城地区', ['塔城']],
  ['阿勒泰地区', ['阿勒泰']],
];

/** Find a prefecture at the start of `text`; returns its full name and the length matched. */
function matchPrefecture(text: string): { name: string; length: number } | null {
  for (const [full, shorts] of PREFECTURES) {
    if (text.startsWith(full)) return { name: full, length: full.length };
    // A short form must not be the start of a county-level name (阿克苏市, 和田县, 塔城市 …).
    const short = shorts.find((form) => text.startsWith(form) && !/^[市县区]/.test(text.slice(form.length)));
    if (short) return { name: full, length: short.length };
  }
  const generic = /^(.{2,12}?(?:自治州|地区))/.exec(text);
  return generic ? { name: generic[1], length: generic[1].length } : null;
}

const COUNTY_TOWNSHIP =
  /^(.{1,10}?(?:自治县|县|市|区))(.{1,10}?(?:镇|乡|街道办事处|街道))(?:基本|配合|上级|履职|人民政府|党委|政府|$)/;

/** Read region, prefecture, county and township from one line of a title (spaces removed). */
function readTitleLine(line: string, title: DocumentTitle): void {
  let rest = line;
  if (rest.startsWith(REGION)) {
    title.region ??= REGION;
    rest = rest.slice(REGION.length);
  } else if (rest.startsWith('新疆')) {
    title.region ??= REGION;
    rest = rest.slice(2);
  }
  const prefecture = matchPrefecture(rest);
  if (prefecture) {
    title.prefecture ??= prefecture.name;
    rest = rest.slice(prefecture.length);
  }
  const lower = COUNTY_TOWNSHIP.exec(rest);
  if (lower) {
    title.county ??= lower[1];
    title.township ??= lower[2];
  }
}

/** The title block: the first lines, then the section titles of the tables as a fallback. */
export function parseTitle(preamble: string[], tableTitles: string[]): DocumentTitle {
  const title: DocumentTitle = { region: null, prefecture: null, county: null, township: null };
  const head = preamble
    .map(compact)
    .filter((l) => l.length > 0 && l.length <= 60)
    .slice(0, 8);
  for (const line of [...head, ...tableTitles.map(compact)]) readTitleLine(line, title);
  if (title.prefecture && !title.region) title.region = REGION;
  return title;
}

function statedNumber(text: string, pattern: RegExp): number | null {
  const m = pattern.exec(text);
  return m ? Number(m[1]) : null;
}

/** The counts stated in the 说明 (`共有履职事项 309 项，其中，基本履职事项 119 项…`), or null. */
export function parseStatedCounts(preamble: string[]): StatedCounts | null {
  const text = compact(preamble.join('')).replace(/\.{3,}\d*/g, '');
  const counts: StatedCounts = {
    basic: statedNumber(text, /基本(?:履职)?事项(?:清单)?(?:共有|共计|共|有)?(\d+)项/),
    cooperative: statedNumber(text, /配合(?:履职)?事项(?:清单)?(?:共有|共计|共|有)?(\d+)项/),
    revoked: statedNumber(text, /收回(?:的)?事项(?:清单)?(?:共有|共计|共|有)?(\d+)项/),
    total:
      statedNumber(text, /(?:共有|共计|合计|总计)(?:各类)?履职事项(\d+)项/) ??
      statedNumber(text, /(?<![本合])履职事项(?:共有|共计|合计|总计|共)(\d+)项/),
  };
  const { basic, cooperative, revoked } = counts;
  if (basic === null && cooperative === null && revoked === null && counts.total === null) return null;
  if (counts.total === null && basic !== null && cooperative !== null && revoked !== null) {
    counts.total = basic + cooperative + revoked;
  }
  return counts;
}

const SECTION_HEADINGS: ReadonlyArray<readonly [keyof Explanation, RegExp]> = [
  ['basicInfo', /^[一二三四]、\s*基本情况/],
  ['process', /^[一二三四]、\s*编制(?:过程|情况|依据)/],
  ['content', /^[一二三四]、\s*清单(?:内容|构成|情况)/],
];

/** The 说明 of a document, when it has one. */
export function parseExplanation(preamble: string[]): Explanation | null {
  const start = preamble.findIndex((l) => /^(?:编制|清单)?说明$/.test(compact(l)));
  if (start < 0) return null;
  const explanation: Explanation = { area: '', population: '', villages: '', basicInfo: '', process: '', content: '' };
  let section: keyof Explanation | null = null;
  for (const raw of preamble.slice(start + 1)) {
    const line = raw.trim();
    if (compact(line) === '目录') break;
    const heading = SECTION_HEADINGS.find(([, re]) => re.test(line));
    if (heading) {
      section = heading[0];
      continue;
    }
    if (!line || !section) continue;
    explanation[section] = explanation[section] ? `${explanation[section]}\n${line}` : line;
  }
  const info = explanation.basicInfo;
  explanation.area =
    /(?:区域|辖区|总)?面积\s*(?:约|为)?\s*([\d.]+\s*(?:平方公里|平方千米|万亩|亩))/.exec(info)?.[1] ?? '';
  explanation.population =
    /((?:户籍|常住|总)人口\s*(?:约|为)?\s*[\d.]+\s*万?(?:人|户)(?:[、，,]\s*(?:户籍|常住)人口\s*[\d.]+\s*万?人)?)/.exec(
      info,
    )?.[1] ?? '';
  explanation.villages = /(?:下辖|辖)\s*([^。；;]{1,80}?(?:村|社区)[^。；;]{0,60})/.exec(info)?.[1] ?? '';
  return explanation;
}
