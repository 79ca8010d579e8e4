import { Module } from '@nestjs/common';
import { AdminAuditModule } from '../admin-audit/admin-audit.module';
import { ItemsModule } from '../items/items.module';
import { ListsModule } from '../lists/lists.module';
import { UsersModule } from '../users/users.module';
import { EditionsController } from './editions.controller';
import { EditionsService } from './editions.service';

@Module({
  imports: [ItemsModule, ListsModule, AdminAuditModule, UsersModule],
  controllers: [EditionsController],
  providers: [EditionsService],
  exports: [EditionsService],
})
export class EditionsModule {}
