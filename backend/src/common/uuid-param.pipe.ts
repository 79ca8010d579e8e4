import { Injectable, PipeTransform } from '@nestjs/common';
import type { ErrorCode } from '@dutylist/shared';
import { AppError } from './app-error';

const UUID_RE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A malformed id names nothing: answer 404, like any id the user cannot see. */
@Injectable()
export class UuidParamPipe implements PipeTransform<string, string> {
  constructor(private readonly code: ErrorCode = 'NOT_FOUND') {}

  transform(value: string): string {
    if (!UUID_RE.test(value)) throw AppError.notFound(this.code);
    return value.toLowerCase();
  }
}
