import { Controller, Get } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { DashboardRow, Task } from '@dutylist/shared';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { TasksService } from './tasks.service';

@ApiTags('tasks')
@ApiBearerAuth()
@Controller()
export class TasksController {
  constructor(private readonly tasks: TasksService) {}

  /** What awaits the caller: lists whose turn is theirs, overdue first. */
  @Get('me/tasks')
  myTasks(@CurrentUser() user: AuthUser): Promise<Task[]> {
    return this.tasks.tasksFor(user);
  }

  /** Every list in the caller's part of the hierarchy, with its progress. */
  @Get('dashboard')
  dashboard(@CurrentUser() user: AuthUser): Promise<DashboardRow[]> {
    return this.tasks.dashboard(user);
  }
}
