import { Controller, Get, Param, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import type { AuditEvent } from '@dutylist/shared';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { AuditService } from './audit.service';

const itemIdQuery = z.string().uuid('itemId 不是有效的事项编号').optional();

@ApiTags('audit')
@ApiBearerAuth()
@Controller('lists/:listId/audit')
export class AuditController {
  constructor(private readonly audit: AuditService) {}

  /** Every step of the list (or of one item with `?itemId=`), oldest first. */
  @Get()
  @ApiQuery({ name: 'itemId', required: false })
  history(
    @CurrentUser() user: AuthUser,
    @Param('listId', new UuidParamPipe('LIST_NOT_FOUND')) listId: string,
    @Query('itemId', new ZodValidationPipe(itemIdQuery)) itemId?: string,
  ): Promise<AuditEvent[]> {
    return this.audit.historyForUser(user, listId, itemId);
  }
}
