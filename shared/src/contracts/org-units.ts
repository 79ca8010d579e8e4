import { z } from 'zod';
import { ORG_LEVELS } from '../enums';

export const orgUnitSchema = z.object({
  id: z.string().uuid(),
  name: z.string(),
  level: z.enum(ORG_LEVELS),
  parentId: z.string().uuid().nullable(),
});
export type OrgUnit = z.infer<typeof orgUnitSchema>;
