import { Module } from '@nestjs/common';
import { ListsModule } from '../lists/lists.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { TasksController } from './tasks.controller';
import { TasksService } from './tasks.service';

@Module({
  imports: [ListsModule, ReviewsModule],
  controllers: [TasksController],
  providers: [TasksService],
})
export class TasksModule {}
