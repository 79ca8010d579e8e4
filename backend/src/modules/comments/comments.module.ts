import { Module } from '@nestjs/common';
import { AuditModule } from '../audit/audit.module';
import { ListsModule } from '../lists/lists.module';
import { UsersModule } from '../users/users.module';
import { CommentsController } from './comments.controller';
import { CommentsService } from './comments.service';

@Module({
  imports: [ListsModule, UsersModule, AuditModule],
  controllers: [CommentsController],
  providers: [CommentsService],
})
export class CommentsModule {}
