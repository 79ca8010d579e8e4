import { ArgumentsHost, Catch, ExceptionFilter, HttpException, HttpStatus, Logger } from '@nestjs/common';
import { ThrottlerException } from '@nestjs/throttler';
import type { Response } from 'express';
import { ERROR_STATUS, type ApiErrorBody, type ErrorCode } from '@dutylist/shared';
import { AppError } from './app-error';

const STATUS_CODES: Partial<Record<number, { code: ErrorCode; message: string }>> = {
  400: { code: 'VALIDATION_FAILED', message: '请求内容不正确' },
  401: { code: 'UNAUTHENTICATED', message: '请先登录' },
  403: { code: 'FORBIDDEN', message: '您无权执行此操作' },
  404: { code: 'NOT_FOUND', message: '未找到该资源' },
  413: { code: 'FILE_TOO_LARGE', message: '文件超过 50 MB，无法导入' },
  429: { code: 'TOO_MANY_REQUESTS', message: '请求过于频繁，请稍后再试' },
};

/** The one place that turns any thrown error into `{ statusCode, code, message, details? }`. */
@Catch()
export class HttpExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('HttpExceptionFilter');

  catch(exception: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    const body = this.toBody(exception);
    if (body.statusCode >= 500) {
      this.logger.error(exception instanceof Error ? (exception.stack ?? exception.message) : String(exception));
    }
    const retryAfter = (body.details as { retryAfterSeconds?: unknown } | undefined)?.retryAfterSeconds;
    if (body.statusCode === 429 && typeof retryAfter === 'number')
      response.setHeader('Retry-After', String(retryAfter));
    response.status(body.statusCode).json(body);
  }

  private toBody(exception: unknown): ApiErrorBody {
    if (exception instanceof AppError) {
      const body: ApiErrorBody = { statusCode: exception.statusCode, code: exception.code, message: exception.message };
      if (exception.details !== undefined) body.details = exception.details;
      return body;
    }
    if (exception instanceof ThrottlerException) {
      return { statusCode: 429, code: 'TOO_MANY_REQUESTS', message: '尝试过于频繁，请稍后再试' };
    }
    if (exception instanceof HttpException) {
      const status = exception.getStatus();
      const known = STATUS_CODES[status];
      if (known) return { statusCode: status, code: known.code, message: known.message };
      return {
        statusCode: status,
        code: status >= 500 ? 'INTERNAL_ERROR' : 'VALIDATION_FAILED',
        message: exception.message,
      };
    }
    return {
      statusCode: HttpStatus.INTERNAL_SERVER_ERROR,
      code: 'INTERNAL_ERROR',
      message: '服务器内部错误，请稍后再试',
    };
  }
}

export { ERROR_STATUS };
