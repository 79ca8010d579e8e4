import { z } from 'zod';
import { ORG_LEVELS, ROLES } from '../enums';

export const loginRequestSchema = z.object({
  username: z.string().trim().min(1, '请输入用户名').max(64),
  password: z.string().min(1, '请输入密码').max(256),
});
export type LoginRequest = z.infer<typeof loginRequestSchema>;

export const orgUnitRefSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  level: z.enum(ORG_LEVELS),
});
export type OrgUnitRef = z.infer<typeof orgUnitRefSchema>;

/** What the user may do beyond lists (which carry their own `can`): the menu and the admin screens read these. */
export const userAbilitiesSchema = z.object({
  /** Org units and county departments of the subtree (scoped admins). */
  manageOrgUnits: z.boolean(),
  /** Accounts of the subtree: create, edit, disable, reset password. */
  manageAccounts: z.boolean(),
  /** Bulk onboarding of org units and accounts from a workbook. */
  onboard: z.boolean(),
  /** Group robots (WeCom / DingTalk) of the subtree's org units. */
  manageWebhooks: z.boolean(),
  /** Open editions and set their round limit and deadlines. */
  manageEditions: z.boolean(),
  /** 审核总览: every list in scope with its progress. */
  viewDashboard: z.boolean(),
  /** Drafts the township's lists: its tasks open the list itself. */
  draftLists: z.boolean(),
  /** Reviews lists at a level: its tasks open the review page, diffs offer 我上次审核以来. */
  reviewLists: z.boolean(),
});
export type UserAbilities = z.infer<typeof userAbilitiesSchema>;

export const currentUserSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgUnit: orgUnitRefSchema,
  /** The org units from the region down to the user's own (for breadcrumbs). */
  orgPath: z.array(orgUnitRefSchema),
  can: userAbilitiesSchema,
});
export type CurrentUser = z.infer<typeof currentUserSchema>;

export const loginResponseSchema = z.object({
  accessToken: z.string(),
  user: currentUserSchema,
});
export type LoginResponse = z.infer<typeof loginResponseSchema>;

export const demoAccountSchema = z.object({
  username: z.string(),
  password: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgName: z.string(),
});
export type DemoAccount = z.infer<typeof demoAccountSchema>;

export const demoAccountsResponseSchema = z.object({
  enabled: z.boolean(),
  accounts: z.array(demoAccountSchema),
});
export type DemoAccountsResponse = z.infer<typeof demoAccountsResponseSchema>;
