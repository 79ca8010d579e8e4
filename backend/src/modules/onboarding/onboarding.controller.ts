import { Controller, Get, HttpCode, Param, Post, StreamableFile, UploadedFile, UseInterceptors } from '@nestjs/common';
import { FileInterceptor } from '@nestjs/platform-express';
import { ApiBearerAuth, ApiBody, ApiConsumes, ApiProduces, ApiTags } from '@nestjs/swagger';
import { MAX_DOCUMENT_BYTES, type OnboardingPreview } from '@dutylist/shared';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { contentDisposition, EXPORT_CONTENT_TYPES } from '../documents/export/export-format';
import { OnboardingService, type UploadedWorkbook } from './onboarding.service';

const xlsx = (body: Buffer, fileName: string) =>
  new StreamableFile(body, {
    type: EXPORT_CONTENT_TYPES.xlsx,
    disposition: contentDisposition(fileName),
    length: body.length,
  });

/** Bulk onboarding of org units and accounts from one workbook (admins, within their subtree). */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/onboarding')
export class OnboardingController {
  constructor(private readonly onboarding: OnboardingService) {}

  @Get('template')
  @ApiProduces(EXPORT_CONTENT_TYPES.xlsx)
  async template(@CurrentUser() user: AuthUser): Promise<StreamableFile> {
    return xlsx(await this.onboarding.template(user), '批量导入模板.xlsx');
  }

  /** Upload a filled template: returns the preview and its validation report; nothing is written. */
  @Post()
  @ApiConsumes('multipart/form-data')
  @ApiBody({
    schema: { type: 'object', properties: { file: { type: 'string', format: 'binary' } }, required: ['file'] },
  })
  @UseInterceptors(FileInterceptor('file', { limits: { fileSize: MAX_DOCUMENT_BYTES, files: 1 } }))
  preview(
    @CurrentUser() user: AuthUser,
    @UploadedFile() file: UploadedWorkbook | undefined,
  ): Promise<OnboardingPreview> {
    return this.onboarding.preview(user, file);
  }

  @Get(':id')
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', new UuidParamPipe('ONBOARDING_NOT_FOUND')) id: string,
  ): Promise<OnboardingPreview> {
    return this.onboarding.get(user, id);
  }

  /** Applies the preview in one transaction; 409 when the directory changed since the preview. */
  @Post(':id/confirm')
  @HttpCode(200)
  confirm(
    @CurrentUser() user: AuthUser,
    @Param('id', new UuidParamPipe('ONBOARDING_NOT_FOUND')) id: string,
  ): Promise<OnboardingPreview> {
    return this.onboarding.confirm(user, id);
  }

  /** The new accounts' initial passwords, once (then 410). */
  @Get(':id/passwords')
  @ApiProduces(EXPORT_CONTENT_TYPES.xlsx)
  async passwords(
    @CurrentUser() user: AuthUser,
    @Param('id', new UuidParamPipe('ONBOARDING_NOT_FOUND')) id: string,
  ): Promise<StreamableFile> {
    const file = await this.onboarding.downloadPasswords(user, id);
    return xlsx(file.body, file.fileName);
  }
}
