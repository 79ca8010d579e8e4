import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminAuditModule } from '../admin-audit/admin-audit.module';
import { AdminOrgUnitsController } from './admin-org-units.controller';
import { OrgUnitEntity } from './org-unit.entity';
import { OrgUnitsAdminService } from './org-units-admin.service';
import { OrgUnitsController } from './org-units.controller';
import { OrgUnitsService } from './org-units.service';

@Module({
  imports: [TypeOrmModule.forFeature([OrgUnitEntity]), AdminAuditModule],
  controllers: [OrgUnitsController, AdminOrgUnitsController],
  providers: [OrgUnitsService, OrgUnitsAdminService],
  exports: [OrgUnitsService, OrgUnitsAdminService],
})
export class OrgUnitsModule {}
