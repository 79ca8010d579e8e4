import { applyRunEnv } from '../../backend/test/run-env';

applyRunEnv('e2e');
process.env.DEMO_MODE = 'true';
