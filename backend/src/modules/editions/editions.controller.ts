import { Body, Controller, Get, HttpCode, Param, ParseIntPipe, Post, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  openEditionRequestSchema,
  updateEditionSettingsRequestSchema,
  type EditionSettings,
  type EditionSummary,
  type OpenEditionRequest,
  type OpenEditionResponse,
  type UpdateEditionSettingsRequest,
} from '@dutylist/shared';
import { ApiZodBody, ZodValidationPipe } from '../../common/zod-validation.pipe';
import { CurrentUser, Roles } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { EditionsService } from './editions.service';

@ApiTags('editions')
@ApiBearerAuth()
@Controller('editions')
export class EditionsController {
  constructor(private readonly editions: EditionsService) {}

  /** Every edition, newest first, with the caller's lists per stage. */
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<EditionSummary[]> {
    return this.editions.list(user);
  }

  /** Opens an edition: settings, and a draft for every active township in scope (repeatable: skips those with one). */
  @Post()
  @HttpCode(200)
  @Roles('admin', 'region_reviewer')
  @ApiZodBody(openEditionRequestSchema)
  open(
    @CurrentUser() user: AuthUser,
    @Body(new ZodValidationPipe(openEditionRequestSchema)) body: OpenEditionRequest,
  ): Promise<OpenEditionResponse> {
    return this.editions.open(user, body);
  }

  @Get(':edition')
  get(@Param('edition', ParseIntPipe) edition: number): Promise<EditionSettings> {
    return this.editions.get(edition);
  }

  /** The round limit and stage deadlines of an edition: set by the region (or an admin) for everyone. */
  @Put(':edition')
  @Roles('admin', 'region_reviewer')
  @ApiZodBody(updateEditionSettingsRequestSchema)
  update(
    @CurrentUser() user: AuthUser,
    @Param('edition', ParseIntPipe) edition: number,
    @Body(new ZodValidationPipe(updateEditionSettingsRequestSchema)) body: UpdateEditionSettingsRequest,
  ): Promise<EditionSettings> {
    return this.editions.update(user, edition, body);
  }
}
