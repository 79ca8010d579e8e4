import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  answerDecisionRequestSchema,
  bulkDecideRequestSchema,
  decideItemRequestSchema,
  rejectSuggestionRequestSchema,
  type AnswerDecisionRequest,
  type BulkDecideRequest,
  type DecideItemRequest,
  type Feedback,
  type ItemDecision,
  type ItemHistory,
  type RejectSuggestionRequest,
  type ReviewState,
} from '@dutylist/shared';
import { ApiZodBody, ZodValidationPipe } from '../../common/zod-validation.pipe';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { ReviewStateService } from './review-state.service';
import { ReviewsService, type BulkDecideResult } from './reviews.service';

const listIdPipe = new UuidParamPipe('LIST_NOT_FOUND');
const itemIdPipe = new UuidParamPipe('ITEM_NOT_FOUND');
const decisionIdPipe = new UuidParamPipe('DECISION_NOT_FOUND');

@ApiTags('reviews')
@ApiBearerAuth()
@Controller('lists/:listId')
export class ReviewsController {
  constructor(
    private readonly reviews: ReviewsService,
    private readonly state: ReviewStateService,
  ) {}

  /** The current round: the latest version's items, what changed, the decisions and the open feedback. */
  @Get('review')
  review(@CurrentUser() user: AuthUser, @Param('listId', listIdPipe) listId: string): Promise<ReviewState> {
    return this.state.getForUser(user, listId);
  }

  @Get('items/:itemId/history')
  history(
    @CurrentUser() user: AuthUser,
    @Param('listId', listIdPipe) listId: string,
    @Param('itemId', itemIdPipe) itemId: string,
  ): Promise<ItemHistory> {
    return this.state.itemHistory(user, listId, itemId);
  }

  /** Approve, return (with a reason) or suggest a change, for the caller's level. */
  @Post('items/:itemId/decision')
  @HttpCode(200)
  @ApiZodBody(decideItemRequestSchema)
  decide(
    @CurrentUser() user: AuthUser,
    @Param('listId', listIdPipe) listId: string,
    @Param('itemId', itemIdPipe) itemId: string,
    @Body(new ZodValidationPipe(decideItemRequestSchema)) body: DecideItemRequest,
  ): Promise<ItemDecision> {
    return this.reviews.decideItem(user, listId, itemId, body);
  }

  /** One decision for many items, e.g. approve every unchanged item. */
  @Post('decisions')
  @HttpCode(200)
  @ApiZodBody(bulkDecideRequestSchema)
  bulk(
    @CurrentUser() user: AuthUser,
    @Param('listId', listIdPipe) listId: string,
    @Body(new ZodValidationPipe(bulkDecideRequestSchema)) body: BulkDecideRequest,
  ): Promise<BulkDecideResult> {
    return this.reviews.bulkDecide(user, listId, body);
  }

  @Post('decisions/:decisionId/answer')
  @HttpCode(200)
  @ApiZodBody(answerDecisionRequestSchema)
  answer(
    @CurrentUser() user: AuthUser,
    @Param('listId', listIdPipe) listId: string,
    @Param('decisionId', decisionIdPipe) decisionId: string,
    @Body(new ZodValidationPipe(answerDecisionRequestSchema)) body: AnswerDecisionRequest,
  ): Promise<Feedback> {
    return this.reviews.answer(user, listId, decisionId, body);
  }

  @Post('decisions/:decisionId/accept')
  @HttpCode(200)
  accept(
    @CurrentUser() user: AuthUser,
    @Param('listId', listIdPipe) listId: string,
    @Param('decisionId', decisionIdPipe) decisionId: string,
  ): Promise<Feedback> {
    return this.reviews.acceptSuggestion(user, listId, decisionId);
  }

  @Post('decisions/:decisionId/reject')
  @HttpCode(200)
  @ApiZodBody(rejectSuggestionRequestSchema)
  reject(
    @CurrentUser() user: AuthUser,
    @Param('listId', listIdPipe) listId: string,
    @Param('decisionId', decisionIdPipe) decisionId: string,
    @Body(new ZodValidationPipe(rejectSuggestionRequestSchema)) body: RejectSuggestionRequest,
  ): Promise<Feedback> {
    return this.reviews.rejectSuggestion(user, listId, decisionId, body);
  }
}
