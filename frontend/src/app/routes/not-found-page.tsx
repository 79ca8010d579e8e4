import { Button, Result } from 'antd';
import { Link } from 'react-router';

export function NotFoundPage() {
  return (
    <Result
      status="404"
      title="页面不存在"
      subTitle="您访问的页面不存在，请检查地址是否正确。"
      extra={
        <Link to="/lists">
          <Button type="primary">返回我的清单</Button>
        </Link>
      }
    />
  );
}
