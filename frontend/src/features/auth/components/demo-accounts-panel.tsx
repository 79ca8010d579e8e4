import { Card, Table, Tag, Typography } from 'antd';
import type { TableColumnsType } from 'antd';
import { ROLE_LABELS, type DemoAccount } from '@dutylist/shared';
import { useDemoAccounts } from '../hooks/use-demo-accounts';

export interface DemoAccountsPanelProps {
  onSelect: (account: DemoAccount) => void;
}

const columns: TableColumnsType<DemoAccount> = [
  {
    title: '用户名',
    dataIndex: 'username',
    render: (username: string) => (
      <Typography.Text strong data-testid={`demo-account-${username}`}>
        {username}
      </Typography.Text>
    ),
  },
  { title: '姓名', dataIndex: 'displayName' },
  {
    title: '角色',
    dataIndex: 'role',
    render: (role: DemoAccount['role']) => <Tag color="blue">{ROLE_LABELS[role]}</Tag>,
  },
  { title: '单位', dataIndex: 'orgName' },
];

/** The demo accounts (only when the server enables them); clicking one fills the login form. */
export function DemoAccountsPanel({ onSelect }: DemoAccountsPanelProps) {
  const { data } = useDemoAccounts();
  if (!data?.enabled || data.accounts.length === 0) return null;

  return (
    <Card title="演示账号" size="small" data-testid="demo-accounts">
      <Typography.Paragraph type="secondary" style={{ marginBottom: 12 }}>
        点击账号即可自动填入用户名和密码。
      </Typography.Paragraph>
      <Table<DemoAccount>
        rowKey="username"
        size="small"
        columns={columns}
        dataSource={data.accounts}
        pagination={false}
        scroll={{ y: 360 }}
        onRow={(account) => ({ onClick: () => onSelect(account), style: { cursor: 'pointer' } })}
      />
    </Card>
  );
}
