import { Button, Result } from 'antd';
import { isRouteErrorResponse, useRouteError } from 'react-router';

/** Last-resort page for an error thrown while rendering a route. */
export function RouteErrorPage() {
  const error = useRouteError();
  const notFound = isRouteErrorResponse(error) && error.status === 404;
  return (
    <Result
      status={notFound ? '404' : 'error'}
      title={notFound ? '页面不存在' : '页面出错了'}
      subTitle={notFound ? '您访问的页面不存在。' : '页面加载时发生错误，请刷新后重试。'}
      extra={
        <Button type="primary" onClick={() => window.location.assign('/lists')}>
          返回首页
        </Button>
      }
    />
  );
}
