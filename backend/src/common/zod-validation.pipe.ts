import { applyDecorators, Injectable, PipeTransform } from '@nestjs/common';
import { ApiBody } from '@nestjs/swagger';
import { z } from 'zod';
import { AppError } from './app-error';

/** Validates a request part against a zod schema from `shared/`; errors are a 400 listing each field. */
@Injectable()
export class ZodValidationPipe<T extends z.ZodType> implements PipeTransform<unknown, z.infer<T>> {
  constructor(private readonly schema: T) {}

  transform(value: unknown): z.infer<T> {
    const result = this.schema.safeParse(value);
    if (result.success) return result.data;
    const fields = result.error.issues.map((issue) => ({ path: issue.path.join('.'), message: issue.message }));
    const first = fields[0];
    const message = first ? `请求内容不正确：${first.path ? `${first.path} ` : ''}${first.message}` : '请求内容不正确';
    throw new AppError('VALIDATION_FAILED', message, { fields });
  }
}

/** OpenAPI description of a body, generated from the same zod schema that validates it. */
export function ApiZodBody(schema: z.ZodType): MethodDecorator {
  const { $schema: _ignored, ...jsonSchema } = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' });
  return applyDecorators(ApiBody({ schema: jsonSchema as Record<string, unknown> }));
}
