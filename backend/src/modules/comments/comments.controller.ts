import { Body, Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiQuery, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  THREAD_STATUSES,
  createThreadRequestSchema,
  replyRequestSchema,
  type CreateThreadRequest,
  type ReplyRequest,
  type Thread,
  type UserRef,
} from '@dutylist/shared';
import { ApiZodBody, ZodValidationPipe } from '../../common/zod-validation.pipe';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { CommentsService, type ThreadFilter } from './comments.service';

const listIdPipe = new UuidParamPipe('LIST_NOT_FOUND');
const threadIdPipe = new UuidParamPipe('THREAD_NOT_FOUND');
const filterSchema = z.object({
  itemId: z.string().uuid('itemId 不是有效的事项编号').optional(),
  status: z.enum(THREAD_STATUSES, { error: 'status 只能是 open 或 resolved' }).optional(),
});

@ApiTags('comments')
@ApiBearerAuth()
@Controller('lists/:listId')
export class CommentsController {
  constructor(private readonly comments: CommentsService) {}

  @Get('threads')
  @ApiQuery({ name: 'itemId', required: false })
  @ApiQuery({ name: 'status', required: false, enum: THREAD_STATUSES })
  threads(
    @CurrentUser() user: AuthUser,
    @Param('listId', listIdPipe) listId: string,
    @Query(new ZodValidationPipe(filterSchema)) filter: ThreadFilter,
  ): Promise<Thread[]> {
    return this.comments.listThreads(user, listId, filter);
  }

  /** The people who may be @mentioned on this list. */
  @Get('participants')
  participants(@CurrentUser() user: AuthUser, @Param('listId', listIdPipe) listId: string): Promise<UserRef[]> {
    return this.comments.participants(user, listId);
  }

  @Post('threads')
  @ApiZodBody(createThreadRequestSchema)
  create(
    @CurrentUser() user: AuthUser,
    @Param('listId', listIdPipe) listId: string,
    @Body(new ZodValidationPipe(createThreadRequestSchema)) body: CreateThreadRequest,
  ): Promise<Thread> {
    return this.comments.createThread(user, listId, body);
  }

  @Post('threads/:threadId/comments')
  @ApiZodBody(replyRequestSchema)
  reply(
    @CurrentUser() user: AuthUser,
    @Param('listId', listIdPipe) listId: string,
    @Param('threadId', threadIdPipe) threadId: string,
    @Body(new ZodValidationPipe(replyRequestSchema)) body: ReplyRequest,
  ): Promise<Thread> {
    return this.comments.reply(user, listId, threadId, body);
  }

  @Post('threads/:threadId/resolve')
  @HttpCode(200)
  resolve(
    @CurrentUser() user: AuthUser,
    @Param('listId', listIdPipe) listId: string,
    @Param('threadId', threadIdPipe) threadId: string,
  ): Promise<Thread> {
    return this.comments.setStatus(user, listId, threadId, 'resolved');
  }

  @Post('threads/:threadId/reopen')
  @HttpCode(200)
  reopen(
    @CurrentUser() user: AuthUser,
    @Param('listId', listIdPipe) listId: string,
    @Param('threadId', threadIdPipe) threadId: string,
  ): Promise<Thread> {
    return this.comments.setStatus(user, listId, threadId, 'open');
  }
}
