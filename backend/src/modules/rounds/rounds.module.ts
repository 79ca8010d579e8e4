import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { EditionsModule } from '../editions/editions.module';
import { ListsModule } from '../lists/lists.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { RoundsController } from './rounds.controller';
import { RoundsService } from './rounds.service';

@Module({
  imports: [ListsModule, AuditModule, EditionsModule, ReviewsModule],
  controllers: [RoundsController],
  providers: [RoundsService],
})
export class RoundsModule {}
