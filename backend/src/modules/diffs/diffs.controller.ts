import { Controller, Get, Param, Query, StreamableFile } from '@nestjs/common';
import { ApiBearerAuth, ApiProduces, ApiQuery, ApiTags } from '@nestjs/swagger';
import {
  DIFF_EXPORT_FORMATS,
  compareQuerySchema,
  diffExportQuerySchema,
  diffQuerySchema,
  sinceMyDecisionQuerySchema,
  type CompareQuery,
  type DiffExportQuery,
  type DiffQuery,
  type ListDiff,
  type PeerComparisonResponse,
  type SinceMyDecisionQuery,
} from '@dutylist/shared';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { ZodValidationPipe } from '../../common/zod-validation.pipe';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { EXPORT_CONTENT_TYPES, contentDisposition } from '../documents/export/export-format';
import { DiffsService } from './diffs.service';

const listIdPipe = new UuidParamPipe('LIST_NOT_FOUND');

@ApiTags('diffs')
@ApiBearerAuth()
@Controller('lists/:listId')
export class DiffsController {
  constructor(private readonly diffs: DiffsService) {}

  /** Item by item between two versions (`to=draft`: the live draft); default the last two versions. */
  @Get('diff')
  @ApiQuery({ name: 'from', required: false, type: Number })
  @ApiQuery({ name: 'to', required: false, description: 'version number or `draft`' })
  @ApiQuery({ name: 'includeRenumbered', required: false, enum: ['true', 'false'] })
  diff(
    @CurrentUser() user: AuthUser,
    @Param('listId', listIdPipe) listId: string,
    @Query(new ZodValidationPipe(diffQuerySchema)) query: DiffQuery,
  ): Promise<ListDiff> {
    return this.diffs.diff(user, listId, query);
  }

  /** What changed since the caller's last own decision on the list (from: null when there is none). */
  @Get('diff/since-my-decision')
  @ApiQuery({ name: 'includeRenumbered', required: false, enum: ['true', 'false'] })
  sinceMyDecision(
    @CurrentUser() user: AuthUser,
    @Param('listId', listIdPipe) listId: string,
    @Query(new ZodValidationPipe(sinceMyDecisionQuerySchema)) query: SinceMyDecisionQuery,
  ): Promise<ListDiff> {
    return this.diffs.sinceMyDecision(user, listId, query.includeRenumbered);
  }

  /** The 修改对照表 of two versions (.docx or .xlsx). */
  @Get('diff/export')
  @ApiProduces(EXPORT_CONTENT_TYPES.docx, EXPORT_CONTENT_TYPES.xlsx)
  @ApiQuery({ name: 'format', enum: DIFF_EXPORT_FORMATS, required: false })
  async exportChanges(
    @CurrentUser() user: AuthUser,
    @Param('listId', listIdPipe) listId: string,
    @Query(new ZodValidationPipe(diffExportQuerySchema)) query: DiffExportQuery,
  ): Promise<StreamableFile> {
    const file = await this.diffs.exportChanges(user, listId, query, query.format);
    return new StreamableFile(file.body, {
      type: file.contentType,
      disposition: contentDisposition(file.fileName),
      length: file.body.length,
    });
  }

  /** The list's draft against another list in the caller's scope (a peer township or a model list). */
  @Get('compare')
  @ApiQuery({ name: 'with', required: true })
  compare(
    @CurrentUser() user: AuthUser,
    @Param('listId', listIdPipe) listId: string,
    @Query(new ZodValidationPipe(compareQuerySchema)) query: CompareQuery,
  ): Promise<PeerComparisonResponse> {
    return this.diffs.compare(user, listId, query.with.toLowerCase());
  }
}
