import { Module } from '@nestjs/common';
import { ListsModule } from '../../lists/lists.module';
import { ExportsController } from '../exports.controller';
import { ExportsService } from './exports.service';

/** Exports of a list (draft or version) as .docx, .xlsx or text; registered by DocumentsModule. */
@Module({
  imports: [ListsModule],
  controllers: [ExportsController],
  providers: [ExportsService],
})
export class ExportsModule {}
