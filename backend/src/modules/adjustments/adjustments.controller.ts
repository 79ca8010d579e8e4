import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { startAdjustmentRequestSchema, type ListDetail, type StartAdjustmentRequest } from '@dutylist/shared';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { ApiZodBody, ZodValidationPipe } from '../../common/zod-validation.pipe';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { AdjustmentsService } from './adjustments.service';

@ApiTags('lists')
@ApiBearerAuth()
@Controller('lists/:listId/adjustments')
export class AdjustmentsController {
  constructor(private readonly adjustments: AdjustmentsService) {}

  /** Starts an adjustment (动态调整) of the published list: back to drafting, the published version stays in force. */
  @Post()
  @HttpCode(200)
  @ApiZodBody(startAdjustmentRequestSchema)
  start(
    @CurrentUser() user: AuthUser,
    @Param('listId', new UuidParamPipe('LIST_NOT_FOUND')) listId: string,
    @Body(new ZodValidationPipe(startAdjustmentRequestSchema)) body: StartAdjustmentRequest,
  ): Promise<ListDetail> {
    return this.adjustments.start(user, listId, body);
  }
}
