import { Cascader } from 'antd';
import { useEffect, useState } from 'react';
import { publicTipApi, type PublicRegionOption } from '../tip-api.ts';

interface Opt {
  value: string;
  label: string;
  isLeaf: boolean;
  children?: Opt[];
}

const toOpt = (r: PublicRegionOption): Opt => ({ value: r.code, label: r.name, isLeaf: !r.hasChildren });

function attach(list: Opt[], code: string, kids: Opt[]): Opt[] {
  return list.map((o) => (o.value === code ? { ...o, children: kids, isLeaf: kids.length === 0 } : o.children ? { ...o, children: attach(o.children, code, kids) } : o));
}

/**
 * The public form's place (issue 13: "the place by the region picker down to the township"): province → city →
 * county → township, one level fetched at a time. The value is the deepest code chosen (a county when the
 * township is not known).
 */
export function PublicRegionCascader({ id, onChange, 'aria-invalid': invalid }: { id?: string; value?: string; onChange?: (code: string | undefined) => void; 'aria-invalid'?: boolean }) {
  const [options, setOptions] = useState<Opt[]>([]);
  const [path, setPath] = useState<string[]>([]);
  useEffect(() => {
    publicTipApi
      .regions()
      .then((rs) => setOptions(rs.map(toOpt)))
      .catch(() => setOptions([]));
  }, []);
  return (
    <Cascader<Opt>
      id={id}
      aria-invalid={invalid}
      options={options}
      value={path}
      changeOnSelect
      placeholder="省 / 市 / 县（市、区） / 乡镇（街道）"
      style={{ width: '100%' }}
      loadData={async (selected) => {
        const last = selected[selected.length - 1];
        if (!last) return;
        const kids = (await publicTipApi.regions(last.value).catch(() => [])).map(toOpt);
        setOptions((o) => attach(o, last.value, kids));
      }}
      onChange={(v) => {
        const codes = (v ?? []).map(String);
        setPath(codes);
        onChange?.(codes[codes.length - 1]);
      }}
      displayRender={(labels) => labels.join(' / ')}
      data-testid="tip-region"
    />
  );
}
