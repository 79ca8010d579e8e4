/**
 * Stable error codes returned by the API as `{ statusCode, code, message }`.
 * The HTTP status of each code lives in one exhaustive map, so client and server agree.
 */
export const ERROR_STATUS = {
  VALIDATION_FAILED: 400,
  INVALID_CREDENTIALS: 401,
  UNAUTHENTICATED: 401,
  FORBIDDEN: 403,
  NOT_FOUND: 404,
  LIST_NOT_FOUND: 404,
  ITEM_NOT_FOUND: 404,
  ORG_UNIT_NOT_FOUND: 404,
  ITEM_VERSION_CONFLICT: 409,
  ORDER_CONFLICT: 409,
  LIST_NOT_EDITABLE: 409,
  DUPLICATE: 409,
  IMPORT_NOT_FOUND: 404,
  IMPORT_STALE: 409,
  FILE_REQUIRED: 400,
  NOT_A_DUTY_LIST: 422,
  FILE_TOO_LARGE: 413,
  STAGE_CONFLICT: 409,
  OPEN_ITEMS: 409,
  DECISION_CONFLICT: 409,
  DECISION_NOT_FOUND: 404,
  THREAD_NOT_FOUND: 404,
  NO_VERSION: 409,
  EXTRA_ROUND_REASON_REQUIRED: 422,
  INVALID_MENTION: 400,
  NOTIFICATION_NOT_FOUND: 404,
  TOO_MANY_REQUESTS: 429,
  ONBOARDING_NOT_FOUND: 404,
  ONBOARDING_FILE_INVALID: 422,
  ONBOARDING_HAS_PROBLEMS: 422,
  ONBOARDING_STALE: 409,
  ONBOARDING_EXPIRED: 410,
  ONBOARDING_PASSWORDS_GONE: 410,
  INTERNAL_ERROR: 500,
  SERVICE_UNAVAILABLE: 503,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export interface ApiErrorBody {
  statusCode: number;
  code: ErrorCode;
  message: string;
  /** Extra structured data, e.g. the current item on a 409 or the field errors on a 400. */
  details?: unknown;
}
