import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { errorMessage, isApiError } from '@/lib/api-client';

export interface ErrorStateProps {
  error: unknown;
  title?: string;
  onRetry?: () => void;
  extra?: ReactNode;
}

/** A full-width error message; 404/403 answers get their own wording. */
export function ErrorState({ error, title, onRetry, extra }: ErrorStateProps) {
  const status = isApiError(error) ? error.status : 0;
  const resultStatus = status === 404 ? '404' : status === 403 ? '403' : 'error';
  const defaultTitle = status === 404 ? '内容不存在' : status === 403 ? '没有访问权限' : '加载失败';
  return (
    <div data-testid="error-state">
      <Result
        status={resultStatus}
        title={title ?? defaultTitle}
        subTitle={errorMessage(error, '加载失败，请稍后重试')}
        extra={
          <>
            {onRetry && status !== 404 && status !== 403 && (
              <Button type="primary" onClick={onRetry}>
                重试
              </Button>
            )}
            {extra}
          </>
        }
      />
    </div>
  );
}
