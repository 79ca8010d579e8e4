import { z } from 'zod';
import { ORG_LEVELS, ROLES, type OrgLevel } from '../enums';

/** The two data sheets of an onboarding workbook and the sheet of instructions. */
export const ONBOARDING_SHEETS = { orgUnits: '组织机构', users: '用户', help: '说明' } as const;
export type OnboardingSheet = (typeof ONBOARDING_SHEETS)['orgUnits' | 'users'];

/** Column headers, in template order. */
export const ONBOARDING_ORG_COLUMNS = ['单位全称', '简称', '类型', '上级单位', '别名'] as const;
export const ONBOARDING_USER_COLUMNS = ['用户名', '姓名', '角色', '所属单位', '邮箱'] as const;

/** The words of the 类型 column and the level each means (地区 and 自治州 are both prefectures). */
export const ONBOARDING_TYPE_LEVELS: Record<string, OrgLevel> = {
  自治区: 'region',
  地区: 'prefecture',
  自治州: 'prefecture',
  县: 'county',
  乡镇: 'township',
  县直部门: 'department',
};

/** Limits of one workbook: beyond them the file is refused before any row is read. */
export const ONBOARDING_LIMITS = {
  /** The upload itself. */
  maxFileBytes: 10 * 1024 * 1024,
  /** All zip entries inflated together (a zip bomb stops here). */
  maxUnpackedBytes: 40 * 1024 * 1024,
  maxZipEntries: 200,
  /** Data rows per sheet. */
  maxRowsPerSheet: 10_000,
  /** Columns a data row may use. */
  maxColumns: 30,
  /** Cells of one sheet as stored (a sheet of a million empty styled cells would take minutes to read). */
  maxCellsPerSheet: 150_000,
} as const;

export const ONBOARDING_ACTIONS = ['create', 'update', 'unchanged', 'error'] as const;
export type OnboardingAction = (typeof ONBOARDING_ACTIONS)[number];

export const onboardingProblemSchema = z.object({
  sheet: z.enum([ONBOARDING_SHEETS.orgUnits, ONBOARDING_SHEETS.users]),
  /** The row number in the sheet, as Excel shows it (the header is row 1). */
  row: z.number().int(),
  /** The column the problem is in, when it is about one cell. */
  column: z.string().nullable(),
  message: z.string(),
});
export type OnboardingProblem = z.infer<typeof onboardingProblemSchema>;

export const onboardingOrgRowSchema = z.object({
  row: z.number().int(),
  name: z.string(),
  shortName: z.string().nullable(),
  level: z.enum(ORG_LEVELS).nullable(),
  /** The parent as written in the file. */
  parent: z.string(),
  /** The resolved place of the unit, e.g. 昌吉回族自治州/奇台县/奇台县民政局 (null when unresolved). */
  path: z.string().nullable(),
  aliases: z.array(z.string()),
  action: z.enum(ONBOARDING_ACTIONS),
  /** What an update changes, in words (简称, 别名). */
  changes: z.array(z.string()),
});
export type OnboardingOrgRow = z.infer<typeof onboardingOrgRowSchema>;

export const onboardingUserRowSchema = z.object({
  row: z.number().int(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES).nullable(),
  /** The unit as written in the file, and where it resolved to. */
  orgUnit: z.string(),
  orgUnitPath: z.string().nullable(),
  email: z.string().nullable(),
  action: z.enum(ONBOARDING_ACTIONS),
  changes: z.array(z.string()),
});
export type OnboardingUserRow = z.infer<typeof onboardingUserRowSchema>;

const countsSchema = z.object({
  create: z.number().int(),
  update: z.number().int(),
  unchanged: z.number().int(),
  error: z.number().int(),
});

export const onboardingPreviewSchema = z.object({
  id: z.string().uuid(),
  status: z.enum(['preview', 'confirmed']),
  fileName: z.string(),
  /** SHA-256 of the uploaded file. */
  fileSha256: z.string(),
  createdAt: z.string(),
  /** After this the preview can no longer be confirmed (upload again). */
  expiresAt: z.string(),
  confirmedAt: z.string().nullable(),
  counts: z.object({ orgUnits: countsSchema, users: countsSchema, problems: z.number().int() }),
  orgUnits: z.array(onboardingOrgRowSchema),
  users: z.array(onboardingUserRowSchema),
  problems: z.array(onboardingProblemSchema),
  /** True when there is something to apply and no problem. */
  canConfirm: z.boolean(),
  /** The initial passwords of the accounts created wait for their one download. */
  passwordsAvailable: z.boolean(),
});
export type OnboardingPreview = z.infer<typeof onboardingPreviewSchema>;
