import { DataSource } from 'typeorm';
import { loadDatabaseUrl } from '../config/configuration';
import { buildDataSourceOptions } from './data-source-options';

/** For the TypeORM CLI: `typeorm migration:generate -d backend/dist/database/data-source.js …`. */
export default new DataSource(buildDataSourceOptions(loadDatabaseUrl()));
