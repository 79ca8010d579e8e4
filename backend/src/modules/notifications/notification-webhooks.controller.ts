import { Body, Controller, Delete, Get, HttpCode, Param, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  putWebhookRequestSchema,
  type PutWebhookRequest,
  type WebhookSetting,
  type WebhookTestResult,
} from '@dutylist/shared';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { ApiZodBody, ZodValidationPipe } from '../../common/zod-validation.pipe';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { NotificationWebhooksService } from './notification-webhooks.service';

/** Group robots per org unit (企业微信 / 钉钉): admins, for their own unit and everything below it. */
@ApiTags('notifications')
@ApiBearerAuth()
@Roles('admin')
@Controller('notifications/webhooks')
export class NotificationWebhooksController {
  constructor(private readonly webhooks: NotificationWebhooksService) {}

  @Get()
  list(@CurrentUser() user: AuthUser): Promise<WebhookSetting[]> {
    return this.webhooks.list(user);
  }

  @Put(':orgUnitId')
  @ApiZodBody(putWebhookRequestSchema)
  put(
    @CurrentUser() user: AuthUser,
    @Param('orgUnitId', new UuidParamPipe('ORG_UNIT_NOT_FOUND')) orgUnitId: string,
    @Body(new ZodValidationPipe(putWebhookRequestSchema)) body: PutWebhookRequest,
  ): Promise<WebhookSetting> {
    return this.webhooks.put(user, orgUnitId, body);
  }

  @Delete(':orgUnitId')
  @HttpCode(204)
  remove(
    @CurrentUser() user: AuthUser,
    @Param('orgUnitId', new UuidParamPipe('ORG_UNIT_NOT_FOUND')) orgUnitId: string,
  ): Promise<void> {
    return this.webhooks.remove(user, orgUnitId);
  }

  /** Sends a 测试消息 now and answers with the robot's outcome (200 either way). */
  @Post(':orgUnitId/test')
  @HttpCode(200)
  test(
    @CurrentUser() user: AuthUser,
    @Param('orgUnitId', new UuidParamPipe('ORG_UNIT_NOT_FOUND')) orgUnitId: string,
  ): Promise<WebhookTestResult> {
    return this.webhooks.test(user, orgUnitId);
  }
}
