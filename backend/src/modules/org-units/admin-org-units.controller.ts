import { Body, Controller, Get, Param, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import {
  adminOrgUnitQuerySchema,
  createOrgUnitRequestSchema,
  updateOrgUnitRequestSchema,
  type AdminOrgUnit,
} from '@dutylist/shared';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { ApiZodBody, ZodValidationPipe } from '../../common/zod-validation.pipe';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import {
  OrgUnitsAdminService,
  type CreateOrgUnitInput,
  type OrgUnitQueryInput,
  type UpdateOrgUnitInput,
} from './org-units-admin.service';

/** 机构管理: the org units of the admin's subtree (outside it: 404; non-admins: 403). */
@ApiTags('admin')
@ApiBearerAuth()
@Controller('admin/org-units')
export class AdminOrgUnitsController {
  constructor(private readonly orgUnits: OrgUnitsAdminService) {}

  @Get()
  list(
    @CurrentUser() user: AuthUser,
    @Query(new ZodValidationPipe(adminOrgUnitQuerySchema)) query: OrgUnitQueryInput,
  ): Promise<AdminOrgUnit[]> {
    return this.orgUnits.list(user, query);
  }

  @Get(':id')
  get(
    @CurrentUser() user: AuthUser,
    @Param('id', new UuidParamPipe('ORG_UNIT_NOT_FOUND')) id: string,
  ): Promise<AdminOrgUnit> {
    return this.orgUnits.getOne(user, id);
  }

  @Post()
  @ApiZodBody(createOrgUnitRequestSchema)
  create(
    @CurrentUser() user: AuthUser,
    @Body(new ZodValidationPipe(createOrgUnitRequestSchema)) body: CreateOrgUnitInput,
  ): Promise<AdminOrgUnit> {
    return this.orgUnits.create(user, body);
  }

  @Patch(':id')
  @ApiZodBody(updateOrgUnitRequestSchema)
  update(
    @CurrentUser() user: AuthUser,
    @Param('id', new UuidParamPipe('ORG_UNIT_NOT_FOUND')) id: string,
    @Body(new ZodValidationPipe(updateOrgUnitRequestSchema)) body: UpdateOrgUnitInput,
  ): Promise<AdminOrgUnit> {
    return this.orgUnits.update(user, id, body);
  }
}
