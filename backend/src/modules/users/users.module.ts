import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminAuditModule } from '../admin-audit/admin-audit.module';
import { OrgUnitsModule } from '../org-units/org-units.module';
import { AdminUsersController } from './admin-users.controller';
import { UserAccountsService } from './user-accounts.service';
import { UserEntity } from './user.entity';
import { UserSessionEntity } from './user-session.entity';
import { UsersService } from './users.service';

@Module({
  imports: [TypeOrmModule.forFeature([UserEntity, UserSessionEntity]), OrgUnitsModule, AdminAuditModule],
  controllers: [AdminUsersController],
  providers: [UsersService, UserAccountsService],
  exports: [UsersService, UserAccountsService],
})
export class UsersModule {}
