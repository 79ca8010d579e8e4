import { Body, Controller, Get, Param, ParseIntPipe, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  updateEditionSettingsRequestSchema,
  type EditionSettings,
  type UpdateEditionSettingsRequest,
} from '@dutylist/shared';
import { ApiZodBody, ZodValidationPipe } from '../../common/zod-validation.pipe';
import { Roles } from '../auth/auth.decorators';
import { EditionsService } from './editions.service';

@ApiTags('editions')
@ApiBearerAuth()
@Controller('editions')
export class EditionsController {
  constructor(private readonly editions: EditionsService) {}

  @Get(':edition')
  get(@Param('edition', ParseIntPipe) edition: number): Promise<EditionSettings> {
    return this.editions.get(edition);
  }

  /** The round limit and stage deadlines of an edition: set by the region (or an admin) for everyone. */
  @Put(':edition')
  @Roles('admin', 'region_reviewer')
  @ApiZodBody(updateEditionSettingsRequestSchema)
  update(
    @Param('edition', ParseIntPipe) edition: number,
    @Body(new ZodValidationPipe(updateEditionSettingsRequestSchema)) body: UpdateEditionSettingsRequest,
  ): Promise<EditionSettings> {
    return this.editions.update(edition, body);
  }
}
