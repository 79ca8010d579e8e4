import { InitialSchema1763800000000 } from './1763800000000-initial-schema';
import { DocumentImports1763900000000 } from './1763900000000-document-imports';
import { ReviewCycle1764000000000 } from './1764000000000-review-cycle';
import { Notifications1764200000000 } from './1764200000000-notifications';
import { AccountsAndOrgAdmin1764400000000 } from './1764400000000-accounts-and-org-admin';
import { UsernamesCaseInsensitive1764420000000 } from './1764420000000-usernames-case-insensitive';
import { EditionsAndAdjustments1764430000000 } from './1764430000000-editions-and-adjustments';
import { OnboardingImports1764440000000 } from './1764440000000-onboarding-imports';

/**
 * Every migration, in order. Listed explicitly (not globbed) so the same list works from compiled
 * JavaScript, from ts-jest and from the CLI; add each new migration file here.
 */
export const MIGRATIONS = [
  InitialSchema1763800000000,
  DocumentImports1763900000000,
  ReviewCycle1764000000000,
  Notifications1764200000000,
  AccountsAndOrgAdmin1764400000000,
  UsernamesCaseInsensitive1764420000000,
  EditionsAndAdjustments1764430000000,
  OnboardingImports1764440000000,
];
