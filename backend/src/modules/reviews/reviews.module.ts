import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ItemsModule } from '../items/items.module';
import { ListsModule } from '../lists/lists.module';
import { UsersModule } from '../users/users.module';
import { ReviewStateService } from './review-state.service';
import { ReviewsController } from './reviews.controller';
import { ReviewsService } from './reviews.service';

@Module({
  imports: [ListsModule, ItemsModule, AuditModule, UsersModule],
  controllers: [ReviewsController],
  providers: [ReviewsService, ReviewStateService],
  exports: [ReviewStateService],
})
export class ReviewsModule {}
