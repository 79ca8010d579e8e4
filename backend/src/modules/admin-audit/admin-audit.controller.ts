import { Controller, Get, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { adminAuditQuerySchema, type AdminEventPage } from '@dutylist/shared';
import type { z } from 'zod';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { AdminAuditService } from './admin-audit.service';

/** 管理日志: the administration trail of the admin's subtree, newest first. */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/audit')
export class AdminAuditController {
  constructor(private readonly audit: AdminAuditService) {}

  @Get()
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(adminAuditQuerySchema)) query: z.output<typeof adminAuditQuerySchema>,
  ): Promise<AdminEventPage> {
    return this.audit.list(user, query);
  }
}
