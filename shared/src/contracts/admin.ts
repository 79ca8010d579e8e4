import { z } from 'zod';
import { ORG_LEVELS, ROLES } from '../enums';
import { USERNAME_HINT, USERNAME_PATTERN, normalizeOrgName } from '../admin/org-unit-rules';

// eslint-disable-next-line no-control-regex -- NUL is exactly what this refuses
const UNSAFE_TEXT = /\u0000|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** No NUL or lone surrogates (PostgreSQL refuses them): every admin text field goes through this. */
const safeText = (min: number, max: number, label: string) =>
  z
    .string()
    .trim()
    .min(min, `请填写${label}`)
    .max(max, `${label}不能超过 ${max} 个字符`)
    .refine((v) => !UNSAFE_TEXT.test(v), `${label}含有无效字符`);

/** A unit name, kept without whitespace (see normalizeOrgName). */
const orgName = (label: string, max = 100) => safeText(1, max, label).transform(normalizeOrgName);

/** An org unit as the administration screens see it. */
export const adminOrgUnitSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
  aliases: z.array(z.string()),
  level: z.enum(ORG_LEVELS),
  parentId: z.string().uuid().nullable(),
  isActive: z.boolean(),
  /** Active accounts of the unit itself (not below it). */
  userCount: z.number().int(),
  childCount: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type AdminOrgUnit = z.infer<typeof adminOrgUnitSchema>;

/** Filters of GET /api/admin/org-units: without any, the admin's whole subtree. */
export const adminOrgUnitQuerySchema = z.object({
  /** Only the direct children of this unit. */
  parentId: z.string().uuid('上级单位不正确').optional(),
  level: z.enum(ORG_LEVELS, { message: '单位类型不正确' }).optional(),
  /** Part of the full name, short name or an alias. */
  search: safeText(0, 100, '搜索内容').optional(),
});
export type AdminOrgUnitQuery = z.input<typeof adminOrgUnitQuerySchema>;

export const createOrgUnitRequestSchema = z.object({
  parentId: z.string().uuid('请选择上级单位'),
  level: z.enum(ORG_LEVELS, { message: '请选择单位类型' }),
  name: orgName('单位全称'),
  shortName: orgName('简称', 50).nullish(),
  aliases: z.array(orgName('别名', 50)).max(20, '别名最多 20 个').default([]),
});
export type CreateOrgUnitRequest = z.input<typeof createOrgUnitRequestSchema>;

/** Rename, set short name or aliases, move under another parent, disable or enable: any subset. */
export const updateOrgUnitRequestSchema = z
  .object({
    name: orgName('单位全称').optional(),
    shortName: orgName('简称', 50).nullish(),
    aliases: z.array(orgName('别名', 50)).max(20, '别名最多 20 个').optional(),
    parentId: z.string().uuid().optional(),
    isActive: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, '没有要修改的内容');
export type UpdateOrgUnitRequest = z.input<typeof updateOrgUnitRequestSchema>;

/** An account as the administration screens see it (never its password). */
export const adminUserSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgUnit: z.object({ id: z.string().uuid(), name: z.string(), level: z.enum(ORG_LEVELS) }),
  email: z.string().nullable(),
  isActive: z.boolean(),
  mustChangePassword: z.boolean(),
  lastLoginAt: z.string().nullable(),
  createdAt: z.string(),
});
export type AdminUser = z.infer<typeof adminUserSchema>;

const usernameSchema = z.string().trim().regex(USERNAME_PATTERN, USERNAME_HINT);
const emailSchema = z
  .string()
  .trim()
  .max(200)
  .email('邮箱格式不正确')
  .nullish()
  .or(z.literal('').transform(() => null));

export const createUserRequestSchema = z.object({
  username: usernameSchema,
  displayName: safeText(1, 100, '姓名'),
  role: z.enum(ROLES, { message: '请选择角色' }),
  orgUnitId: z.string().uuid('请选择所属单位'),
  email: emailSchema,
});
export type CreateUserRequest = z.input<typeof createUserRequestSchema>;

export const updateUserRequestSchema = z
  .object({
    displayName: safeText(1, 100, '姓名').optional(),
    role: z.enum(ROLES).optional(),
    orgUnitId: z.string().uuid().optional(),
    email: emailSchema,
    isActive: z.boolean().optional(),
  })
  .refine((v) => Object.keys(v).length > 0, '没有要修改的内容');
export type UpdateUserRequest = z.input<typeof updateUserRequestSchema>;

const pageNumber = z.coerce.number().int().min(1, '页码不正确').default(1);
const pageSize = z.coerce.number().int().min(1).max(200, '每页最多 200 条').default(20);
const booleanParam = z.enum(['true', 'false'], { message: '应为 true 或 false' }).transform((v) => v === 'true');

/** Filters of GET /api/admin/users (query string). */
export const adminUserQuerySchema = z.object({
  /** Part of the user name or the display name. */
  search: safeText(0, 100, '搜索内容').optional(),
  /** Accounts of this unit only (not below it). */
  orgUnitId: z.string().uuid('单位不正确').optional(),
  role: z.enum(ROLES, { message: '角色不正确' }).optional(),
  isActive: booleanParam.optional(),
  page: pageNumber,
  pageSize,
});
/** The filters as parsed (what a client means; the query string carries them as text). */
export type AdminUserQuery = z.output<typeof adminUserQuerySchema>;

export const adminUserPageSchema = z.object({
  items: z.array(adminUserSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AdminUserPage = z.infer<typeof adminUserPageSchema>;

/** A new account or a reset: the one-time password is shown once and never stored in clear. */
export const oneTimePasswordResponseSchema = z.object({
  user: adminUserSchema,
  oneTimePassword: z.string(),
});
export type OneTimePasswordResponse = z.infer<typeof oneTimePasswordResponseSchema>;

/** One row of the administration trail. */
export const adminEventSchema = z.object({
  id: z.string(),
  action: z.string(),
  summary: z.string(),
  actor: z.object({ id: z.string().uuid(), displayName: z.string(), username: z.string() }).nullable(),
  orgUnit: z.object({ id: z.string().uuid(), name: z.string() }).nullable(),
  targetType: z.string(),
  targetId: z.string().nullable(),
  details: z.record(z.string(), z.unknown()),
  createdAt: z.string(),
});
export type AdminEvent = z.infer<typeof adminEventSchema>;

export const ADMIN_TARGET_TYPES = ['org_unit', 'user', 'edition', 'webhook', 'onboarding', 'session'] as const;

/** Filters of GET /api/admin/audit (query string). */
export const adminAuditQuerySchema = z.object({
  targetType: z.enum(ADMIN_TARGET_TYPES, { message: '对象类型不正确' }).optional(),
  targetId: safeText(1, 64, '对象').optional(),
  page: pageNumber,
  pageSize,
});
export type AdminAuditQuery = z.output<typeof adminAuditQuerySchema>;

export const adminEventPageSchema = z.object({
  items: z.array(adminEventSchema),
  total: z.number().int(),
  page: z.number().int(),
  pageSize: z.number().int(),
});
export type AdminEventPage = z.infer<typeof adminEventPageSchema>;
