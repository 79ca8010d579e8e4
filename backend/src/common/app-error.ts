import { ERROR_STATUS, type ErrorCode } from '@dutylist/shared';

/** A failure the user is meant to see: a stable code, a Chinese message, optional structured details. */
export class AppError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
    this.name = 'AppError';
  }

  get statusCode(): number {
    return ERROR_STATUS[this.code];
  }

  static notFound(code: ErrorCode = 'NOT_FOUND', message = '未找到该资源，或您无权访问'): AppError {
    return new AppError(code, message);
  }

  static forbidden(message = '您的角色无权执行此操作'): AppError {
    return new AppError('FORBIDDEN', message);
  }
}
