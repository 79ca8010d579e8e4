import { Body, Controller, Delete, Get, HttpCode, Param, Patch, Post, Put, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import { z } from 'zod';
import {
  createItemRequestSchema,
  moveItemRequestSchema,
  reorderItemsRequestSchema,
  updateItemRequestSchema,
  type CreateItemRequest,
  type Item,
  type ListItemsResponse,
  type MoveItemRequest,
  type ReorderItemsRequest,
  type UpdateItemRequest,
} from '@dutylist/shared';
import { ApiZodBody, ZodValidationPipe } from '../../common/zod-validation.pipe';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { ItemsService } from './items.service';

const versionQuerySchema = z.coerce.number({ error: '缺少事项版本号 version' }).int().positive();

@ApiTags('items')
@ApiBearerAuth()
@Controller('lists/:listId/items')
export class ItemsController {
  constructor(private readonly items: ItemsService) {}

  @Get()
  async list(
    @CurrentUser() user: AuthUser,
    @Param('listId', new UuidParamPipe('LIST_NOT_FOUND')) listId: string,
  ): Promise<ListItemsResponse> {
    return { items: await this.items.listItems(user, listId) };
  }

  @Post()
  @ApiZodBody(createItemRequestSchema)
  create(
    @CurrentUser() user: AuthUser,
    @Param('listId', new UuidParamPipe('LIST_NOT_FOUND')) listId: string,
    @Body(new ZodValidationPipe(createItemRequestSchema)) body: CreateItemRequest,
  ): Promise<Item> {
    return this.items.createItem(user, listId, body);
  }

  @Put('order')
  @ApiZodBody(reorderItemsRequestSchema)
  async reorder(
    @CurrentUser() user: AuthUser,
    @Param('listId', new UuidParamPipe('LIST_NOT_FOUND')) listId: string,
    @Body(new ZodValidationPipe(reorderItemsRequestSchema)) body: ReorderItemsRequest,
  ): Promise<ListItemsResponse> {
    return { items: await this.items.reorderItems(user, listId, body) };
  }

  @Patch(':itemId')
  @ApiZodBody(updateItemRequestSchema)
  update(
    @CurrentUser() user: AuthUser,
    @Param('listId', new UuidParamPipe('LIST_NOT_FOUND')) listId: string,
    @Param('itemId', new UuidParamPipe('ITEM_NOT_FOUND')) itemId: string,
    @Body(new ZodValidationPipe(updateItemRequestSchema)) body: UpdateItemRequest,
  ): Promise<Item> {
    return this.items.updateItem(user, listId, itemId, body);
  }

  @Post(':itemId/move')
  @HttpCode(200)
  @ApiZodBody(moveItemRequestSchema)
  move(
    @CurrentUser() user: AuthUser,
    @Param('listId', new UuidParamPipe('LIST_NOT_FOUND')) listId: string,
    @Param('itemId', new UuidParamPipe('ITEM_NOT_FOUND')) itemId: string,
    @Body(new ZodValidationPipe(moveItemRequestSchema)) body: MoveItemRequest,
  ): Promise<Item> {
    return this.items.moveItem(user, listId, itemId, body);
  }

  @Delete(':itemId')
  @HttpCode(204)
  remove(
    @CurrentUser() user: AuthUser,
    @Param('listId', new UuidParamPipe('LIST_NOT_FOUND')) listId: string,
    @Param('itemId', new UuidParamPipe('ITEM_NOT_FOUND')) itemId: string,
    @Query('version', new ZodValidationPipe(versionQuerySchema)) version: number,
  ): Promise<void> {
    return this.items.deleteItem(user, listId, itemId, version);
  }
}
