import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { NestFactory } from '@nestjs/core';
import { DataSource } from 'typeorm';
import { AppModule } from '../app.module';
import { loadDatabaseUrl } from '../config/configuration';
import { buildDataSourceOptions } from './data-source-options';
import { seedDemo } from './demo/seed-demo';
import { seedDemoReview } from './demo/seed-demo-review';

/** The demo lists part-way through the cycle go through the real services, so they need the whole app. */
async function seedReview(): Promise<void> {
  // The app context is used for its services only: it signs no token, so a throwaway key will do when none is set.
  process.env.JWT_SECRET ??= randomBytes(32).toString('hex');
  const app = await NestFactory.createApplicationContext(AppModule, { logger: ['error', 'warn'] });
  try {
    const advanced = await seedDemoReview(app);
    console.log('demo review:', advanced.length ? advanced.join('; ') : 'up to date');
  } finally {
    await app.close();
  }
}

/** `node dist/database/cli.js migrate | revert | seed | reset` */
async function main(command: string | undefined): Promise<void> {
  const db = new DataSource(buildDataSourceOptions(loadDatabaseUrl()));
  await db.initialize();
  try {
    switch (command) {
      case 'migrate': {
        const ran = await db.runMigrations({ transaction: 'each' });
        console.log(ran.length ? `migrated: ${ran.map((m) => m.name).join(', ')}` : 'migrations: up to date');
        break;
      }
      case 'revert':
        await db.undoLastMigration({ transaction: 'each' });
        console.log('reverted the last migration');
        break;
      case 'seed':
        console.log('demo data:', JSON.stringify(await seedDemo(db)));
        await seedReview();
        break;
      case 'reset':
        await db.query('DROP SCHEMA public CASCADE; CREATE SCHEMA public;');
        await db.runMigrations({ transaction: 'each' });
        console.log('demo data:', JSON.stringify(await seedDemo(db)));
        await seedReview();
        break;
      default:
        console.error('usage: cli.js migrate | revert | seed | reset');
        process.exitCode = 2;
    }
  } finally {
    await db.destroy();
  }
}

main(process.argv[2]).catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
