import ExcelJS from 'exceljs';
import {
  ONBOARDING_LIMITS,
  ONBOARDING_ORG_COLUMNS,
  ONBOARDING_SHEETS,
  ONBOARDING_TYPE_LEVELS,
  ONBOARDING_USER_COLUMNS,
  ROLES,
  ROLE_LABELS,
  USERNAME_HINT,
} from '@dutylist/shared';
import { AppError } from '../../common/app-error';
import type { OnboardingInput, OrgInputRow, UserInputRow } from './onboarding-plan';
import { assertSafeXlsx } from './xlsx-safety';

const invalid = (message: string) => new AppError('ONBOARDING_FILE_INVALID', message);

const UNSAFE_CELL =
  // eslint-disable-next-line no-control-regex -- control characters are what this finds
  /[\u0000-\u0008\u000b\u000c\u000e-\u001f]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;
const MAX_CELL_CHARS = 500;

/**
 * Parts of a sheet the importer never needs and exceljs would expand cell by cell (a data validation
 * or merge over a whole column is a million entries): skipped while reading.
 */
const IGNORED_NODES = [
  'dataValidations',
  'mergeCells',
  'conditionalFormatting',
  'hyperlinks',
  'drawing',
  'picture',
  'tableParts',
  'extLst',
  'autoFilter',
  'rowBreaks',
];

/** A header as typed: without spaces, asterisks or (必填). */
const headerKey = (text: string) => text.replace(/[\s*＊]|[（(]必填[)）]|[（(]选填[)）]/gu, '');

interface SheetRow {
  row: number;
  cells: Record<string, string>;
  cellProblems: Array<{ column: string; message: string }>;
}

function readSheet(
  sheet: ExcelJS.Worksheet | undefined,
  sheetName: string,
  columns: readonly string[],
  required: readonly string[],
): SheetRow[] {
  if (!sheet) return [];
  if (sheet.actualRowCount > ONBOARDING_LIMITS.maxRowsPerSheet + 1) {
    throw invalid(
      `工作表“${sheetName}”有 ${sheet.actualRowCount - 1} 行数据，超过上限 ${ONBOARDING_LIMITS.maxRowsPerSheet} 行，请分批导入`,
    );
  }
  let headerRow = 0;
  const position = new Map<string, number>();
  const rows: SheetRow[] = [];
  sheet.eachRow({ includeEmpty: false }, (row) => {
    const width = Math.min(row.cellCount, ONBOARDING_LIMITS.maxColumns);
    const texts: string[] = [];
    for (let c = 1; c <= width; c += 1) texts.push(cellText(row.getCell(c)));
    if (!headerRow) {
      // The first non-empty row is the header.
      headerRow = row.number;
      texts.forEach((t, i) => {
        const key = headerKey(t);
        if (columns.includes(key) && !position.has(key)) position.set(key, i);
      });
      const missing = required.filter((c) => !position.has(c));
      if (missing.length) {
        throw invalid(
          `工作表“${sheetName}”第 ${row.number} 行应为表头，缺少列：${missing.join('、')}（请使用下载的模板）`,
        );
      }
      return;
    }
    if (texts.every((t) => !t.trim())) return;
    const cells: Record<string, string> = {};
    const cellProblems: SheetRow['cellProblems'] = [];
    for (const column of columns) {
      const i = position.get(column);
      let text = i === undefined ? '' : (texts[i] ?? '').trim();
      if (UNSAFE_CELL.test(text)) {
        cellProblems.push({ column, message: `“${column}”含有无效字符（如 NUL 或控制字符）` });
        text = text.replace(new RegExp(UNSAFE_CELL, 'gu'), '');
      }
      if (text.length > MAX_CELL_CHARS) {
        cellProblems.push({ column, message: `“${column}”超过 ${MAX_CELL_CHARS} 个字符` });
        text = text.slice(0, MAX_CELL_CHARS);
      }
      cells[column] = text;
    }
    rows.push({ row: row.number, cells, cellProblems });
  });
  return rows;
}

/** The text a cell shows: formula results, rich text and hyperlinks as their text. */
function cellText(cell: ExcelJS.Cell): string {
  try {
    return cell.text ?? '';
  } catch {
    return '';
  }
}

/** The rows of an onboarding workbook, after the file has been checked (see assertSafeXlsx). */
export async function readOnboardingWorkbook(bytes: Buffer): Promise<OnboardingInput> {
  assertSafeXlsx(bytes);
  const workbook = new ExcelJS.Workbook();
  try {
    await workbook.xlsx.load(bytes as unknown as ArrayBuffer, { ignoreNodes: IGNORED_NODES } as never);
  } catch {
    throw invalid('无法读取该工作簿（文件已损坏或不是 .xlsx），请用 Excel 或 WPS 重新保存后再上传');
  }
  const byName = new Map<string, ExcelJS.Worksheet>();
  workbook.eachSheet((s) => byName.set(s.name.trim(), s));
  const orgSheet = byName.get(ONBOARDING_SHEETS.orgUnits);
  const userSheet = byName.get(ONBOARDING_SHEETS.users);
  if (!orgSheet && !userSheet) {
    throw invalid(`工作簿中没有“${ONBOARDING_SHEETS.orgUnits}”或“${ONBOARDING_SHEETS.users}”工作表，请使用下载的模板`);
  }
  const orgUnits: OrgInputRow[] = readSheet(orgSheet, ONBOARDING_SHEETS.orgUnits, ONBOARDING_ORG_COLUMNS, [
    '单位全称',
    '类型',
    '上级单位',
  ]).map(({ row, cells, cellProblems }) => ({
    row,
    name: cells['单位全称'],
    shortName: cells['简称'],
    type: cells['类型'],
    parent: cells['上级单位'],
    aliases: cells['别名'],
    cellProblems,
  }));
  const users: UserInputRow[] = readSheet(userSheet, ONBOARDING_SHEETS.users, ONBOARDING_USER_COLUMNS, [
    '用户名',
    '姓名',
    '角色',
    '所属单位',
  ]).map(({ row, cells, cellProblems }) => ({
    row,
    username: cells['用户名'],
    displayName: cells['姓名'],
    role: cells['角色'],
    orgUnit: cells['所属单位'],
    email: cells['邮箱'],
    cellProblems,
  }));
  if (!orgUnits.length && !users.length) throw invalid('工作簿中没有数据行：请在“组织机构”或“用户”表中填写后再上传');
  return { orgUnits, users };
}

const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE6F4FF' } };
const TEMPLATE_ROWS = 5000;

function header(sheet: ExcelJS.Worksheet, columns: Array<{ title: string; width: number; required: boolean }>) {
  sheet.columns = columns.map((c) => ({ header: c.required ? `${c.title}*` : c.title, width: c.width }));
  const row = sheet.getRow(1);
  row.font = { bold: true };
  row.eachCell((cell) => (cell.fill = HEADER_FILL));
  sheet.views = [{ state: 'frozen', ySplit: 1 }];
}

function listValidation(sheet: ExcelJS.Worksheet, column: string, values: string[], title: string) {
  // exceljs 4.4 has worksheet.dataValidations (one range, not one entry per cell) but does not type it.
  (
    sheet as unknown as { dataValidations: { add(range: string, v: ExcelJS.DataValidation): void } }
  ).dataValidations.add(`${column}2:${column}${TEMPLATE_ROWS + 1}`, {
    type: 'list',
    allowBlank: true,
    formulae: [`"${values.join(',')}"`],
    showErrorMessage: true,
    errorStyle: 'error',
    errorTitle: title,
    error: `请从下拉列表中选择${title}`,
  });
}

/** The template: 组织机构 and 用户 with their headers and drop-down lists, and 说明 with the rules and examples. */
export async function buildOnboardingTemplate(): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '乡镇履职事项清单审核系统';
  const help = workbook.addWorksheet(ONBOARDING_SHEETS.help);
  const orgs = workbook.addWorksheet(ONBOARDING_SHEETS.orgUnits);
  const users = workbook.addWorksheet(ONBOARDING_SHEETS.users);

  header(orgs, [
    { title: '单位全称', width: 28, required: true },
    { title: '简称', width: 14, required: false },
    { title: '类型', width: 12, required: true },
    { title: '上级单位', width: 34, required: true },
    { title: '别名', width: 28, required: false },
  ]);
  listValidation(orgs, 'C', Object.keys(ONBOARDING_TYPE_LEVELS), '类型');
  header(users, [
    { title: '用户名', width: 18, required: true },
    { title: '姓名', width: 12, required: true },
    { title: '角色', width: 20, required: true },
    { title: '所属单位', width: 34, required: true },
    { title: '邮箱', width: 28, required: false },
  ]);
  listValidation(
    users,
    'C',
    ROLES.map((r) => ROLE_LABELS[r]),
    '角色',
  );

  help.getColumn(1).width = 110;
  const lines: Array<[string, boolean?]> = [
    ['批量导入组织机构和账号：填写说明', true],
    [''],
    ['一、组织机构（工作表“组织机构”）', true],
    ['1. 单位全称*：如 昌吉回族自治州、奇台县、碧流河镇、奇台县民政局。同一上级单位下不能重名。'],
    ['2. 简称：公文中使用的简称，如 昌吉州。'],
    ['3. 类型*：从下拉列表选择：自治区、地区、自治州、县、乡镇、县直部门（县直部门挂在县下，与乡镇并列）。'],
    [
      '4. 上级单位*：上级单位的全称；系统中已有的单位和本文件中的单位都可以，先后顺序不限。有重名时写路径，如 昌吉回族自治州/奇台县。',
    ],
    ['5. 别名：县直部门在清单中的其他写法，多个用“、”分隔，如 县民政局、民政局。'],
    ['6. 上级单位必须在您的管理范围内（您所在单位及其下级）。'],
    [''],
    ['二、用户（工作表“用户”）', true],
    [`1. 用户名*：登录用的账号，${USERNAME_HINT}；不区分大小写，不能重复。`],
    ['2. 姓名*：账号使用人的姓名。'],
    [`3. 角色*：从下拉列表选择：${ROLES.map((r) => ROLE_LABELS[r]).join('、')}。`],
    [
      '   乡镇起草人属于乡镇，县委编办审核人属于县，州/地区编办审核人属于地区或自治州，自治区编办审核人属于自治区，系统管理员属于自治区、地区/自治州或县。',
    ],
    ['4. 所属单位*：单位全称（或路径），可以是本文件“组织机构”表中新建的单位。'],
    ['5. 邮箱：接收通知的邮箱，可不填。'],
    [''],
    ['三、导入规则', true],
    ['1. 上传后先预览：列出将新建、更新和不变的单位与账号，以及每个问题所在的工作表和行号；有问题时不能确认。'],
    ['2. 确认后全部内容在一次操作中写入：要么全部成功，要么全部不写入。'],
    [
      '3. 重复导入同一文件不会重复建立：单位按“上级单位 + 单位全称”匹配，账号按用户名匹配，已有的会更新（留空的简称、别名、邮箱保持不变），已有账号的密码不会被重置。',
    ],
    ['4. 新账号的初始密码只在确认后提供一次下载（Excel 文件），请妥善保管并分发给本人；首次登录时必须修改密码。'],
    [''],
    ['四、填写示例', true],
  ];
  for (const [text, bold] of lines) {
    const row = help.addRow([text]);
    if (bold) row.font = { bold: true };
    row.alignment = { wrapText: true, vertical: 'top' };
  }
  const example = (cells: string[], bold = false) => {
    const row = help.addRow(cells);
    if (bold) {
      row.font = { bold: true };
      row.eachCell((c) => (c.fill = HEADER_FILL));
    }
  };
  example(['组织机构：单位全称', '简称', '类型', '上级单位', '别名'], true);
  example(['奇台县民政局', '县民政局', '县直部门', '昌吉回族自治州/奇台县', '县民政局、民政局']);
  example(['碧流河镇', '', '乡镇', '奇台县', '']);
  example(['']);
  example(['用户：用户名', '姓名', '角色', '所属单位', '邮箱'], true);
  example(['blh-drafter', '张三', ROLE_LABELS.township_drafter, '碧流河镇', 'zhangsan@example.com']);
  for (const c of [2, 3, 4, 5]) help.getColumn(c).width = 22;
  help.getColumn(1).width = 110;
  help.getColumn(1).alignment = { wrapText: true, vertical: 'top' };
  for (const sheet of [help, orgs, users]) printOnA4(sheet);

  return Buffer.from(await workbook.xlsx.writeBuffer());
}

/** Printed as offices print: A4 landscape, every column on the page, the header row on each page. */
function printOnA4(sheet: ExcelJS.Worksheet): void {
  sheet.pageSetup = {
    ...sheet.pageSetup,
    paperSize: 9,
    orientation: 'landscape',
    fitToPage: true,
    fitToWidth: 1,
    fitToHeight: 0,
    printTitlesRow: '1:1',
  };
}

export interface InitialPassword {
  username: string;
  displayName: string;
  orgUnit: string;
  password: string;
}

/** The one download of the initial passwords: 用户名, 姓名, 所属单位, 初始密码. */
export async function buildPasswordsWorkbook(rows: InitialPassword[]): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('初始密码');
  sheet.columns = [
    { header: '用户名', width: 20 },
    { header: '姓名', width: 20 },
    { header: '所属单位', width: 40 },
    { header: '初始密码', width: 20 },
  ];
  sheet.getRow(1).font = { bold: true };
  for (const r of rows) sheet.addRow([r.username, r.displayName, r.orgUnit, r.password]);
  sheet.addRow([]);
  sheet.addRow(['初始密码仅此一次提供，首次登录后必须修改。请逐一分发给本人，分发后删除本文件。']);
  printOnA4(sheet);
  // Inline strings: thousands of distinct passwords gain nothing from a shared-strings table.
  return Buffer.from(await workbook.xlsx.writeBuffer({ useSharedStrings: false } as ExcelJS.XlsxWriteOptions));
}
