import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { DutyListEntity } from './duty-list.entity';
import { ListVersionEntity } from './list-version.entity';
import { ListsController } from './lists.controller';
import { ListsService } from './lists.service';
import { VersionItemEntity } from './version-item.entity';

@Module({
  imports: [TypeOrmModule.forFeature([DutyListEntity, ListVersionEntity, VersionItemEntity])],
  controllers: [ListsController],
  providers: [ListsService],
  exports: [ListsService],
})
export class ListsModule {}
