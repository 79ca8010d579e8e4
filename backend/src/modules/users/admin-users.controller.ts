import { Body, Controller, Get, HttpCode, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  adminUserQuerySchema,
  createUserRequestSchema,
  updateUserRequestSchema,
  type AdminUser,
  type AdminUserPage,
  type OneTimePasswordResponse,
} from '@dutylist/shared';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { ApiZodBody, ZodValidationPipe } from '../../common/zod-validation.pipe';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import {
  UserAccountsService,
  type CreateUserInput,
  type UpdateUserInput,
  type UserQueryInput,
} from './user-accounts.service';

/** 账号管理: the accounts of the admin's subtree (outside it: 404; non-admins: 403). */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/users')
export class AdminUsersController {
  constructor(private readonly accounts: UserAccountsService) {}

  @Get()
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(adminUserQuerySchema)) query: UserQueryInput,
  ): Promise<AdminUserPage> {
    return this.accounts.list(user, query);
  }

  @Get(':id')
  get(@CurrentUser() user: AuthUser, @Param('id', new UuidParamPipe('USER_NOT_FOUND')) id: string): Promise<AdminUser> {
    return this.accounts.getOne(user, id);
  }

  /** The answer carries the one-time password: shown once, never stored in clear. */
  @Post()
  @ApiZodBody(createUserRequestSchema)
  create(
    @CurrentUser() user: AuthUser,
    @Body(new ZodValidationPipe(createUserRequestSchema)) body: CreateUserInput,
  ): Promise<OneTimePasswordResponse> {
    return this.accounts.create(user, body);
  }

  @Patch(':id')
  @ApiZodBody(updateUserRequestSchema)
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', new UuidParamPipe('USER_NOT_FOUND')) id: string,
    @Body(new ZodValidationPipe(updateUserRequestSchema)) body: UpdateUserInput,
  ): Promise<AdminUser> {
    return this.accounts.update(user, id, body);
  }

  @Post(':id/reset-password')
  @HttpCode(200)
  resetPassword(
    @CurrentUser() user: AuthUser,
    @Param('id', new UuidParamPipe('USER_NOT_FOUND')) id: string,
  ): Promise<OneTimePasswordResponse> {
    return this.accounts.resetPassword(user, id);
  }
}
