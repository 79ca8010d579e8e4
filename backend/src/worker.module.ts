import { Module } from '@nestjs/common';
import { ConfigModule } from './config/config.module';
import { DatabaseModule } from './database/database.module';
import { QueueModule } from './modules/queue/queue.module';
import { NotificationsWorkerModule } from './modules/notifications/notifications-worker.module';
import { SystemProcessor } from './modules/queue/system.processor';

/** What the worker process runs: the same config, database and queues, plus the processors. */
@Module({
  imports: [ConfigModule, DatabaseModule, QueueModule, NotificationsWorkerModule],
  providers: [SystemProcessor],
})
export class WorkerModule {}
