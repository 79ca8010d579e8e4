import { z } from 'zod';
import { ORG_LEVELS } from '../enums';

export const orgUnitSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  level: z.enum(ORG_LEVELS),
  parentId: z.string().uuid().nullable(),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;

/** One entry of a county's directory of departments (县直部门): the names documents may use for it. */
export const countyDepartmentSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  shortName: z.string().nullable(),
  aliases: z.array(z.string()),
  isActive: z.boolean(),
});
export type CountyDepartment = z.infer<typeof countyDepartmentSchema>;
