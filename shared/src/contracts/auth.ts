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

export const currentUserSchema = z.object({
  id: z.string().uuid(),
  username: z.string(),
  displayName: z.string(),
  role: z.enum(ROLES),
  orgUnit: orgUnitRefSchema,
  /** The org units from the region down to the user's own (for breadcrumbs). */
  orgPath: z.array(orgUnitRefSchema),
  /** What the user may do beyond lists (the UI shows menus from this only). */
  can: z.object({ manageEditions: z.boolean() }),
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
