import { Space, Tag, Tree, Typography } from 'antd';
import type { TreeDataNode } from 'antd';
import { useMemo } from 'react';
import { ORG_LEVEL_LABELS, type AdminOrgUnit, type OrgLevel } from '@dutylist/shared';
import type { OrgTreeNode } from './org-unit-tree-data';

const LEVEL_COLORS: Record<OrgLevel, string> = {
  region: 'red',
  prefecture: 'volcano',
  county: 'blue',
  township: 'green',
  department: 'purple',
};

function UnitTitle({ unit }: { unit: AdminOrgUnit }) {
  return (
    <Space size={4} data-testid="org-tree-node" data-unit-name={unit.name}>
      <Tag color={unit.isActive ? LEVEL_COLORS[unit.level] : 'default'} style={{ marginInlineEnd: 0 }}>
        {ORG_LEVEL_LABELS[unit.level]}
      </Tag>
      <Typography.Text delete={!unit.isActive} type={unit.isActive ? undefined : 'secondary'}>
        {unit.name}
      </Typography.Text>
      {unit.shortName && <Typography.Text type="secondary">（{unit.shortName}）</Typography.Text>}
      {!unit.isActive && <Tag>已停用</Tag>}
      {unit.userCount > 0 && (
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {unit.userCount} 个账号
        </Typography.Text>
      )}
    </Space>
  );
}

function toTreeData(nodes: OrgTreeNode[]): TreeDataNode[] {
  return nodes.map((node) => ({
    key: node.key,
    title: node.unit ? (
      <UnitTitle unit={node.unit} />
    ) : (
      <Typography.Text type="secondary">县直部门（{node.departmentCount}）</Typography.Text>
    ),
    children: toTreeData(node.children),
  }));
}

/** The admin's subtree: level tags, short names, disabled units struck through; virtual for a whole region. */
export function OrgUnitTree({
  nodes,
  selectedKey,
  expandedKeys,
  onExpand,
  onSelect,
}: {
  nodes: OrgTreeNode[];
  selectedKey: string | null;
  expandedKeys: string[];
  onExpand: (keys: string[]) => void;
  onSelect: (key: string) => void;
}) {
  const treeData = useMemo(() => toTreeData(nodes), [nodes]);
  return (
    <Tree
      blockNode
      virtual
      height={640}
      treeData={treeData}
      selectedKeys={selectedKey ? [selectedKey] : []}
      expandedKeys={expandedKeys}
      onExpand={(keys) => onExpand(keys.map(String))}
      onSelect={(keys) => {
        if (keys.length > 0) onSelect(String(keys[0]));
      }}
      data-testid="org-tree"
    />
  );
}
