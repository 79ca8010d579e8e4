import { applyRunEnv } from './run-env';

applyRunEnv('backend');
