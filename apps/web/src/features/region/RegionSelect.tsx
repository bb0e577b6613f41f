import { TreeSelect } from 'antd';
import { type CSSProperties, useEffect } from 'react';
import { useRegionTree } from './region-tree-data.ts';

interface Props {
  value?: string;
  onChange?: (code: string) => void;
  placeholder?: string;
  id?: string;
  style?: CSSProperties;
}

/** Form control for a region code within the user's scope, loaded branch by branch. */
export function RegionSelect({ value, onChange, placeholder = '请选择所在区划', id, style }: Props) {
  const tree = useRegionTree();
  const { reveal } = tree;
  const ready = tree.nodes.length > 0;

  useEffect(() => {
    if (ready && value) reveal(value).catch(() => undefined);
  }, [ready, value, reveal]);

  return (
    <TreeSelect
      id={id}
      style={style}
      value={value}
      onChange={(v) => onChange?.(v)}
      treeData={tree.nodes}
      loadData={(node) => tree.loadChildren(String(node.value))}
      placeholder={placeholder}
      // Filters the branches loaded so far (the tree is lazy; nothing is searched server-side here).
      showSearch={{ treeNodeFilterProp: 'title' }}
      treeDefaultExpandedKeys={tree.nodes[0] ? [tree.nodes[0].key] : []}
      styles={{ popup: { root: { maxHeight: 400, overflow: 'auto' } } }}
      allowClear
    />
  );
}
