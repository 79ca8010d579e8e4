import { Controller, Get, Param, ParseIntPipe, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import { AppError } from '../../common/app-error';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { EXPORT_CONTENT_TYPES, EXPORT_FORMATS, contentDisposition, parseExportFormat } from './export/export-format';
import type { ExportedFile } from './export/exports.service';
import { ExportsService } from './export/exports.service';

function download(file: ExportedFile): StreamableFile {
  return new StreamableFile(file.body, {
    type: file.contentType,
    disposition: contentDisposition(file.fileName),
    length: file.body.length,
  });
}

const versionNumberPipe = new ParseIntPipe({
  exceptionFactory: () => AppError.notFound('NOT_FOUND', '未找到该版本'),
});

/** Downloads of a list in the official layout: .docx, .xlsx or text, of the draft or a frozen version. */
@ApiTags('documents')
@ApiBearerAuth()
@ApiProduces(...Object.values(EXPORT_CONTENT_TYPES))
@ApiQuery({ name: 'format', enum: EXPORT_FORMATS, required: false })
@Controller('lists/:listId')
export class ExportsController {
  constructor(private readonly exports: ExportsService) {}

  @Get('export')
  async exportDraft(
    @CurrentUser() user: AuthUser,
    @Param('listId', new UuidParamPipe('LIST_NOT_FOUND')) listId: string,
    @Query('format') format: unknown,
  ): Promise<StreamableFile> {
    return download(await this.exports.exportDraft(user, listId, parseExportFormat(format)));
  }

  /** The list in force: the version last published (while an adjustment runs, still the one before it). */
  @Get('in-force/export')
  async exportInForce(
    @CurrentUser() user: AuthUser,
    @Param('listId', new UuidParamPipe('LIST_NOT_FOUND')) listId: string,
    @Query('format') format: unknown,
  ): Promise<StreamableFile> {
    return download(await this.exports.exportInForce(user, listId, parseExportFormat(format)));
  }

  @Get('versions/:number/export')
  async exportVersion(
    @CurrentUser() user: AuthUser,
    @Param('listId', new UuidParamPipe('LIST_NOT_FOUND')) listId: string,
    @Param('number', versionNumberPipe) number: number,
    @Query('format') format: unknown,
  ): Promise<StreamableFile> {
    return download(await this.exports.exportVersion(user, listId, number, parseExportFormat(format)));
  }
}
