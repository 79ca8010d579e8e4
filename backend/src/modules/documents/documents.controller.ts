import { Controller, Get, HttpCode, Param, Post, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiTags } from '@nestjs/swagger';
import { MAX_DOCUMENT_BYTES, type ImportPreview } from '@dutylist/shared';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { DocumentsService, type UploadedDocument } from './documents.service';

@ApiTags('documents')
@ApiBearerAuth()
@Controller('lists/:listId/imports')
export class DocumentsController {
  constructor(private readonly documents: DocumentsService) {}

  /** Upload a document (text, .docx, .xlsx): returns the preview; the draft is unchanged until confirmed. */
  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
  })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1 } }))
  preview(
    @CurrentUser() user: AuthUser,
    @Param('listId', new UuidParamPipe('LIST_NOT_FOUND')) listId: string,
    @UploadedFile() file: UploadedDocument | undefined,
  ): Promise<ImportPreview> {
    return this.documents.previewImport(user, listId, file);
  }

  @Get(':importId')
  get(
    @CurrentUser() user: AuthUser,
    @Param('listId', new UuidParamPipe('LIST_NOT_FOUND')) listId: string,
    @Param('importId', new UuidParamPipe('IMPORT_NOT_FOUND')) importId: string,
  ): Promise<ImportPreview> {
    return this.documents.getImport(user, listId, importId);
  }

  @Post(':importId/confirm')
  @HttpCode(200)
  confirm(
    @CurrentUser() user: AuthUser,
    @Param('listId', new UuidParamPipe('LIST_NOT_FOUND')) listId: string,
    @Param('importId', new UuidParamPipe('IMPORT_NOT_FOUND')) importId: string,
  ): Promise<ImportPreview> {
    return this.documents.confirmImport(user, listId, importId);
  }
}
