import { Body, Controller, Get, Param, Put } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  explanationSchema,
  type DraftValidation,
  type Explanation,
  type ListDetail,
  type ListSummary,
} from '@dutylist/shared';
import { ApiZodBody, ZodValidationPipe } from '../../common/zod-validation.pipe';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { ListsService } from './lists.service';

@ApiTags('lists')
@ApiBearerAuth()
@Controller('lists')
export class ListsController {
  constructor(private readonly lists: ListsService) {}

  @Get()
  list(@CurrentUser() user: AuthUser): Promise<ListSummary[]> {
    return this.lists.listForUser(user);
  }

  @Get(':listId')
  get(
    @CurrentUser() user: AuthUser,
    @Param('listId', new UuidParamPipe('LIST_NOT_FOUND')) listId: string,
  ): Promise<ListDetail> {
    return this.lists.getForUser(user, listId);
  }

  /** The import validation rules run on the draft: categories, numbering, stated counts, duplicates… */
  @Get(':listId/validation')
  validation(
    @CurrentUser() user: AuthUser,
    @Param('listId', new UuidParamPipe('LIST_NOT_FOUND')) listId: string,
  ): Promise<DraftValidation> {
    return this.lists.validateDraftForUser(user, listId);
  }

  @Put(':listId/explanation')
  @ApiZodBody(explanationSchema)
  updateExplanation(
    @CurrentUser() user: AuthUser,
    @Param('listId', new UuidParamPipe('LIST_NOT_FOUND')) listId: string,
    @Body(new ZodValidationPipe(explanationSchema)) body: Explanation,
  ): Promise<ListDetail> {
    return this.lists.updateExplanation(user, listId, body);
  }
}
