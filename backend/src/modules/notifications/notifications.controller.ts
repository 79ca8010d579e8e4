import {
  Body,
  Controller,
  Get,
  Headers,
  HttpCode,
  Param,
  Post,
  Put,
  Query,
  Sse,
  type MessageEvent,
} from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import type { Observable } from 'rxjs';
import {
  notificationListQuerySchema,
  updateNotificationPreferencesRequestSchema,
  type Notification,
  type NotificationListQuery,
  type NotificationPage,
  type NotificationPreferences,
  type ReadAllResponse,
  type StreamToken,
  type UpdateNotificationPreferencesRequest,
} from '@dutylist/shared';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { ApiZodBody, ZodValidationPipe } from '../../common/zod-validation.pipe';
import { CurrentUser, Public } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { NotificationStreamService } from './notification-stream.service';
import { NotificationsService } from './notifications.service';

@ApiTags('notifications')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(
    private readonly notifications: NotificationsService,
    private readonly stream: NotificationStreamService,
  ) {}

  /** The caller's inbox, newest first, with the unread count; `?unread=true` for unread only. */
  @Get()
  @ApiQuery({ name: 'unread', required: false })
  @ApiQuery({ name: 'limit', required: false })
  @ApiQuery({ name: 'before', required: false })
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(notificationListQuerySchema)) query: NotificationListQuery,
  ): Promise<NotificationPage> {
    return this.notifications.list(user, query);
  }

  @Get('unread-count')
  async unreadCount(@CurrentUser() user: AuthUser): Promise<{ unread: number }> {
    return { unread: await this.notifications.unreadCount(user) };
  }

  @Post('read-all')
  @HttpCode(200)
  readAll(@CurrentUser() user: AuthUser): Promise<ReadAllResponse> {
    return this.notifications.markAllRead(user);
  }

  @Get('preferences')
  preferences(@CurrentUser() user: AuthUser): Promise<NotificationPreferences> {
    return this.notifications.preferences(user);
  }

  @Put('preferences')
  @ApiZodBody(updateNotificationPreferencesRequestSchema)
  updatePreferences(
    @CurrentUser() user: AuthUser,
    @Body(new ZodValidationPipe(updateNotificationPreferencesRequestSchema)) body: UpdateNotificationPreferencesRequest,
  ): Promise<NotificationPreferences> {
    return this.notifications.updatePreferences(user, body);
  }

  /** A 60-second token for `GET /notifications/stream?token=` (EventSource cannot send an Authorization header). */
  @Post('stream-token')
  @HttpCode(200)
  streamToken(@CurrentUser() user: AuthUser): Promise<StreamToken> {
    return this.notifications.streamToken(user);
  }

  /** Server-Sent Events: `{type:'ready', unread}`, then `{type:'notification', notification}` per new row. */
  @Public()
  @Sse('stream')
  @ApiQuery({ name: 'token', required: false })
  async openStream(
    @Query('token') token: string | undefined,
    @Headers('authorization') authorization: string | undefined,
  ): Promise<Observable<MessageEvent>> {
    const user = await this.notifications.streamUser(token, authorization);
    return this.stream.open(user.id, await this.notifications.unreadCount(user));
  }

  @Post(':id/read')
  @HttpCode(200)
  read(
    @CurrentUser() user: AuthUser,
    @Param('id', new UuidParamPipe('NOTIFICATION_NOT_FOUND')) id: string,
  ): Promise<Notification> {
    return this.notifications.markRead(user, id);
  }
}
