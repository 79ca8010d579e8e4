import { Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { AdminAuditController } from './admin-audit.controller';
import { AdminEventEntity } from './admin-event.entity';
import { AdminAuditService } from './admin-audit.service';

@Module({
  imports: [TypeOrmModule.forFeature([AdminEventEntity])],
  controllers: [AdminAuditController],
  providers: [AdminAuditService],
  exports: [AdminAuditService],
})
export class AdminAuditModule {}
