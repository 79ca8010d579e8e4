import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { ExpressAdapter } from '@bull-board/express';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module } from '@nestjs/common';
import { JwtModule } from '@nestjs/jwt';
import { APP_CONFIG, type AppConfig } from '../../config/configuration';
import { UsersModule } from '../users/users.module';
import { QueueBoardAuth, QUEUE_BOARD_ROUTE } from './queue-board.auth';
import { QueueBoardController } from './queue-board.controller';
import { QUEUES } from './queue-names';

@Module({
  imports: [
    UsersModule,
    JwtModule.registerAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ secret: config.JWT_SECRET }),
    }),
  ],
  providers: [QueueBoardAuth],
  exports: [QueueBoardAuth],
})
class QueueBoardAuthModule {}

/**
 * bull-board at /admin/queues (API process only, admin only): every queue's waiting, delayed, active,
 * completed and failed jobs, with the error of each failed delivery and a retry button.
 */
@Module({
  imports: [
    QueueBoardAuthModule,
    BullBoardModule.forRootAsync({
      imports: [QueueBoardAuthModule],
      inject: [QueueBoardAuth],
      useFactory: (auth: QueueBoardAuth) => ({
        route: QUEUE_BOARD_ROUTE,
        adapter: ExpressAdapter,
        middleware: auth.middleware,
        boardOptions: { uiConfig: { boardTitle: '队列监控' } },
      }),
    }),
    BullBoardModule.forFeature(...Object.values(QUEUES).map((name) => ({ name, adapter: BullMQAdapter }))),
  ],
  controllers: [QueueBoardController],
})
export class QueueBoardModule {}
