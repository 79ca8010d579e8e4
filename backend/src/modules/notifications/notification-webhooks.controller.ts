import { Body, Controller, Delete, Get, HttpCode, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { putWebhookRequestSchema, type PutWebhookRequest, type WebhookSetting } from '@dutylist/shared';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { ApiZodBody, ZodValidationPipe } from '../../common/zod-validation.pipe';
import { Roles } from '../auth/auth.decorators';
import { NotificationWebhooksService } from './notification-webhooks.service';

/** Group robots per org unit (企业微信 / 钉钉), admin only. */
@ApiTags('notifications')
@ApiBearerAuth()
@Roles('admin')
@Controller('notifications/webhooks')
export class NotificationWebhooksController {
  constructor(private readonly webhooks: NotificationWebhooksService) {}

  @Get()
  list(): Promise<WebhookSetting[]> {
    return this.webhooks.list();
  }

  @Put(':orgUnitId')
  @ApiZodBody(putWebhookRequestSchema)
  put(
    @Param('orgUnitId', new UuidParamPipe('ORG_UNIT_NOT_FOUND')) orgUnitId: string,
    @Body(new ZodValidationPipe(putWebhookRequestSchema)) body: PutWebhookRequest,
  ): Promise<WebhookSetting> {
    return this.webhooks.put(orgUnitId, body);
  }

  @Delete(':orgUnitId')
  @HttpCode(204)
  remove(@Param('orgUnitId', new UuidParamPipe('ORG_UNIT_NOT_FOUND')) orgUnitId: string): Promise<void> {
    return this.webhooks.remove(orgUnitId);
  }
}
