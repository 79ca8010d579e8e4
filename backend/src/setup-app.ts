import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { RequestMethod } from '@nestjs/common';
import type { NestExpressApplication } from '@nestjs/platform-express';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { NextFunction, Request, Response } from 'express';
import type { AppConfig } from './config/configuration';

/** Default location of the built frontend: <repo>/frontend/dist. */
export function defaultStaticDir(): string {
  return resolve(__dirname, '..', '..', 'frontend', 'dist');
}

/**
 * The Express `trust proxy` value of TRUST_PROXY: unset trusts nobody, so `X-Forwarded-For` cannot choose the
 * client address the login throttle counts; a number is a hop count; anything else an address/CIDR list.
 */
export function trustProxySetting(value: string | undefined): boolean | number | string {
  if (!value || value === 'false') return false;
  if (value === 'true') return true;
  if (/^\d+$/.test(value)) return Number(value);
  return value;
}

/** Everything main.ts and the end-to-end tests configure the same way. */
export function setupApp(app: NestExpressApplication, config: AppConfig): void {
  // bull-board (admin only, see modules/queue/queue-board.module.ts) lives at /admin/queues, outside /api.
  app.setGlobalPrefix('api', {
    exclude: [
      { path: 'admin/queues', method: RequestMethod.ALL },
      { path: 'admin/queues/{*path}', method: RequestMethod.ALL },
    ],
  });
  app.enableShutdownHooks();
  app.set('trust proxy', trustProxySetting(config.TRUST_PROXY));
  app.useBodyParser('json', { limit: '5mb' });

  const openApi = new DocumentBuilder()
    .setTitle('乡镇履职事项清单审核系统 API')
    .setVersion('0.1.0')
    .addBearerAuth()
    .build();
  SwaggerModule.setup('api/docs', app, () => SwaggerModule.createDocument(app, openApi));

  const staticDir = config.STATIC_DIR ?? defaultStaticDir();
  const index = join(staticDir, 'index.html');
  if (existsSync(index)) {
    app.useStaticAssets(staticDir, { index: false, maxAge: '1h' });
    // Client-side routes (/lists/…) get the single-page app; /api stays the API's.
    app.use((req: Request, res: Response, next: NextFunction) => {
      if (req.method !== 'GET' || req.path.startsWith('/api') || req.path.startsWith('/admin/queues')) return next();
      res.setHeader('Cache-Control', 'no-cache');
      res.sendFile(index);
    });
  }
}
