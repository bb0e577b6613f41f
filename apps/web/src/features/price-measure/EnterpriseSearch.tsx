import { Select } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { api } from '../../shared/api.ts';

interface Hit {
  id: number;
  name: string;
  uscc: string;
}

/** An enterprise of the user's region, found by name or USCC as it is typed (the registry's own search). */
export function EnterpriseSearch(props: { value?: number; onChange?: (id: number | undefined) => void; placeholder?: string; id?: string }) {
  const [options, setOptions] = useState<{ value: number; label: string }[]>([]);
  const [loading, setLoading] = useState(false);
  const seq = useRef(0);
  const search = async (q: string) => {
    const n = ++seq.current;
    setLoading(true);
    try {
      const page = await api.get<{ items: Hit[] }>('/enterprises', { q: q || undefined, pageSize: 20 });
      if (n === seq.current) setOptions(page.items.map((e) => ({ value: e.id, label: `${e.name}（${e.uscc}）` })));
    } catch {
      if (n === seq.current) setOptions([]);
    } finally {
      if (n === seq.current) setLoading(false);
    }
  };
  // The first page of the region's enterprises when the select opens empty (the ref keeps the effect run-once).
  const first = useRef(search);
  useEffect(() => {
    first.current('');
  }, []);
  return (
    <Select
      id={props.id}
      showSearch={{ filterOption: false, onSearch: search }}
      allowClear
      loading={loading}
      value={props.value}
      onChange={(v) => props.onChange?.(v ?? undefined)}
      options={options}
      placeholder={props.placeholder ?? '输入企业名称或统一社会信用代码'}
      notFoundContent={loading ? '查找中…' : '没有找到企业'}
    />
  );
}
