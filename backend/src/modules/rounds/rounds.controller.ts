import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  approveRequestSchema,
  returnItemsRequestSchema,
  returnRoundRequestSchema,
  signOffRequestSchema,
  submitRequestSchema,
  type ApproveRequest,
  type ListDetail,
  type ReturnItemsRequest,
  type ReturnRoundRequest,
  type SignOffRequest,
  type SubmitRequest,
} from '@dutylist/shared';
import { ApiZodBody, ZodValidationPipe } from '../../common/zod-validation.pipe';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { RoundsService } from './rounds.service';

const listIdPipe = new UuidParamPipe('LIST_NOT_FOUND');

/** One endpoint per step of the 三上三下 cycle; each answers the list as it now stands. */
@ApiTags('rounds')
@ApiBearerAuth()
@Controller('lists/:listId')
export class RoundsController {
  constructor(private readonly rounds: RoundsService) {}

  /** The township submits its draft (k上): frozen into an immutable version. */
  @Post('submit')
  @HttpCode(200)
  @ApiZodBody(submitRequestSchema)
  submit(
    @CurrentUser() user: AuthUser,
    @Param('listId', listIdPipe) listId: string,
    @Body(new ZodValidationPipe(submitRequestSchema)) body: SubmitRequest,
  ): Promise<ListDetail> {
    return this.rounds.submit(user, listId, body);
  }

  /** The reviewer of the next level takes the list up. */
  @Post('start-review')
  @HttpCode(200)
  startReview(@CurrentUser() user: AuthUser, @Param('listId', listIdPipe) listId: string): Promise<ListDetail> {
    return this.rounds.startReview(user, listId);
  }

  /** The county sends its opinions back down (k下). */
  @Post('return-round')
  @HttpCode(200)
  @ApiZodBody(returnRoundRequestSchema)
  returnRound(
    @CurrentUser() user: AuthUser,
    @Param('listId', listIdPipe) listId: string,
    @Body(new ZodValidationPipe(returnRoundRequestSchema)) body: ReturnRoundRequest,
  ): Promise<ListDetail> {
    return this.rounds.returnRound(user, listId, body);
  }

  /** The county approves the list once every item is approved. */
  @Post('approve')
  @HttpCode(200)
  @ApiZodBody(approveRequestSchema)
  approve(
    @CurrentUser() user: AuthUser,
    @Param('listId', listIdPipe) listId: string,
    @Body(new ZodValidationPipe(approveRequestSchema)) body: ApproveRequest,
  ): Promise<ListDetail> {
    return this.rounds.approve(user, listId, body);
  }

  /** The prefecture or the region signs off. */
  @Post('sign-off')
  @HttpCode(200)
  @ApiZodBody(signOffRequestSchema)
  signOff(
    @CurrentUser() user: AuthUser,
    @Param('listId', listIdPipe) listId: string,
    @Body(new ZodValidationPipe(signOffRequestSchema)) body: SignOffRequest,
  ): Promise<ListDetail> {
    return this.rounds.signOff(user, listId, body);
  }

  /** The prefecture or the region returns chosen items to the county. */
  @Post('return-items')
  @HttpCode(200)
  @ApiZodBody(returnItemsRequestSchema)
  returnItems(
    @CurrentUser() user: AuthUser,
    @Param('listId', listIdPipe) listId: string,
    @Body(new ZodValidationPipe(returnItemsRequestSchema)) body: ReturnItemsRequest,
  ): Promise<ListDetail> {
    return this.rounds.returnItems(user, listId, body);
  }

  /** The region publishes the signed list. */
  @Post('publish')
  @HttpCode(200)
  publish(@CurrentUser() user: AuthUser, @Param('listId', listIdPipe) listId: string): Promise<ListDetail> {
    return this.rounds.publish(user, listId);
  }
}
