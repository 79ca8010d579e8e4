import { InitialSchema1763800000000 } from './1763800000000-initial-schema';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the same list works from compiled
 * JavaScript, from ts-jest and from the CLI; add each new migration file here.
 */
export const MIGRATIONS = [InitialSchema1763800000000];
