import { Module } from '@nestjs/common';
import { ListsModule } from '../lists/lists.module';
import { ReviewsModule } from '../reviews/reviews.module';
import { DiffsController } from './diffs.controller';
import { DiffsService } from './diffs.service';

/** Item-level diffs between versions, the 修改对照表 export, and peer comparison (read only). */
@Module({
  imports: [ListsModule, ReviewsModule],
  controllers: [DiffsController],
  providers: [DiffsService],
})
export class DiffsModule {}
