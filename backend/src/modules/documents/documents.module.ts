import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { ListsModule } from '../lists/lists.module';
import { DocumentImportEntity } from './document-import.entity';
import { DocumentsController } from './documents.controller';
import { DocumentsService } from './documents.service';
import { ExportsModule } from './export/exports.module';

@Module({
  imports: [TypeOrmModule.forFeature([DocumentImportEntity]), ListsModule, ExportsModule],
  controllers: [DocumentsController],
  providers: [DocumentsService],
})
export class DocumentsModule {}
