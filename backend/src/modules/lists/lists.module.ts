import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { UsersModule } from '../users/users.module';
import { DutyListEntity } from './duty-list.entity';
import { ListPublicationEntity } from './list-publication.entity';
import { ListVersionEntity } from './list-version.entity';
import { ListsController } from './lists.controller';
import { ListsService } from './lists.service';
import { VersionItemEntity } from './version-item.entity';

@Module({
  imports: [
    TypeOrmModule.forFeature([DutyListEntity, ListVersionEntity, VersionItemEntity, ListPublicationEntity]),
    UsersModule,
  ],
  controllers: [ListsController],
  providers: [ListsService],
  exports: [ListsService],
})
export class ListsModule {}
