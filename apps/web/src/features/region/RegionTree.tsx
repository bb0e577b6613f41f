import { ApartmentOutlined } from '@ant-design/icons';
import { Alert, Card, Spin, Tree } from 'antd';
import { useEffect, useState } from 'react';
import { useRegionTree } from './region-tree-data.ts';

interface Props {
  selected?: string;
  onSelect: (code: string | undefined, name?: string) => void;
}

/** Navigator for the list pages: pick a region to see its subtree; the root is the user's own region. */
export function RegionTree({ selected, onSelect }: Props) {
  const tree = useRegionTree();
  const [expanded, setExpanded] = useState<string[]>([]);
  const rootKey = tree.nodes[0]?.key;

  // Open the user's own region once it is known, so its towns and parks show at once
  // (the tree loads the children of an expanded node itself).
  useEffect(() => {
    if (tree.nodes.length === 1 && rootKey) setExpanded((e) => (e.length ? e : [rootKey]));
  }, [rootKey, tree.nodes.length]);

  return (
    <Card
      size="small"
      title={
        <span>
          <ApartmentOutlined /> 行政区划
        </span>
      }
      styles={{ body: { padding: 8, maxHeight: 'calc(100vh - 220px)', overflow: 'auto' } }}
      data-testid="region-tree"
    >
      {tree.error && <Alert type="error" showIcon title={tree.error} />}
      {!tree.error && tree.nodes.length === 0 && <Spin style={{ display: 'block', margin: 24 }} />}
      <Tree
        blockNode
        treeData={tree.nodes}
        expandedKeys={expanded}
        onExpand={(keys) => setExpanded(keys as string[])}
        selectedKeys={selected ? [selected] : []}
        loadData={(node) => tree.loadChildren(String(node.key))}
        onSelect={(keys, info) => {
          const code = keys[0] as string | undefined;
          onSelect(code, code ? String(info.node.title) : undefined);
        }}
      />
    </Card>
  );
}
