import { Flex, Spin } from 'antd';

export function PageLoading({ tip = '加载中…' }: { tip?: string }) {
  return (
    <Flex
      vertical
      align="center"
      justify="center"
      gap={12}
      style={{ minHeight: 240, width: '100%' }}
      data-testid="page-loading"
    >
      <Spin size="large" />
      <span style={{ color: 'rgba(0, 0, 0, 0.45)' }}>{tip}</span>
    </Flex>
  );
}
