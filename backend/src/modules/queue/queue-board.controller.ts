import { Controller, HttpCode, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { QueueBoardAuth } from './queue-board.auth';

@ApiTags('admin')
@ApiBearerAuth()
@Roles('admin')
@Controller('queue-board')
export class QueueBoardController {
  constructor(private readonly auth: QueueBoardAuth) {}

  /** A 60-second link to /admin/queues (bull-board: waiting, delayed, failed jobs and their errors). */
  @Post('token')
  @HttpCode(200)
  token(@CurrentUser() user: AuthUser): Promise<{ token: string; expiresAt: string; url: string }> {
    return this.auth.ticket(user);
  }
}
