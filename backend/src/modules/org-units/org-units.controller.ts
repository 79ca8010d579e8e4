import { Controller, Get, Param } from '@nestjs/common';
import { ApiBearerAuth, ApiTags } from '@nestjs/swagger';
import type { CountyDepartment, OrgUnit } from '@dutylist/shared';
import { UuidParamPipe } from '../../common/uuid-param.pipe';
import { CurrentUser } from '../auth/auth.decorators';
import type { AuthUser } from '../auth/auth-user';
import { OrgUnitsService } from './org-units.service';

@ApiTags('org-units')
@ApiBearerAuth()
@Controller('org-units')
export class OrgUnitsController {
  constructor(private readonly orgUnits: OrgUnitsService) {}

  /** The org units in the caller's scope. */
  @Get()
  list(@CurrentUser() user: AuthUser): Promise<OrgUnit[]> {
    return this.orgUnits.subtree(user);
  }

  /** A county's departments (县直部门) with short names and aliases: for everyone whose scope includes the county. */
  @Get(':countyId/departments')
  departments(
    @CurrentUser() user: AuthUser,
    @Param('countyId', new UuidParamPipe('ORG_UNIT_NOT_FOUND')) countyId: string,
  ): Promise<CountyDepartment[]> {
    return this.orgUnits.departments(user, countyId);
  }
}
