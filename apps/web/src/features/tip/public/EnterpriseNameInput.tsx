import { AutoComplete } from 'antd';
import { useEffect, useState } from 'react';
import { publicTipApi } from '../tip-api.ts';

interface Props {
  id?: string;
  value?: string;
  onChange?: (name: string) => void;
  /** The registered enterprise chosen from the suggestions; undefined once the text is edited by hand. */
  onPick: (enterprise: { id: number; name: string } | undefined) => void;
}

/**
 * The enterprise by name: registered enterprises are suggested from 2 characters on (`/public/enterprise-names`,
 * at most 10); any other text is kept as a free-text name (an enterprise the registry does not know is the point).
 */
export function EnterpriseNameInput({ id, value, onChange, onPick }: Props) {
  const [options, setOptions] = useState<{ value: string; label: string; id: number; name: string }[]>([]);
  const q = (value ?? '').trim();
  // The name just picked from the list is not searched again (the list would reopen over the form).
  const [picked, setPicked] = useState<string>();
  useEffect(() => {
    if (q.length < 2 || q === picked) {
      setOptions([]);
      return;
    }
    let live = true;
    const t = setTimeout(() => {
      publicTipApi
        .enterpriseNames(q)
        .then((r) => live && setOptions(r.items.map((e) => ({ value: `${e.id}`, label: `${e.name}（${e.regionName}）`, id: e.id, name: e.name }))))
        .catch(() => live && setOptions([]));
    }, 250);
    return () => {
      live = false;
      clearTimeout(t);
    };
  }, [q, picked]);
  return (
    <AutoComplete
      id={id}
      value={value}
      options={options}
      onChange={(v: string) => {
        // A suggestion's value is its id; anything else is text typed by hand.
        const hit = options.find((o) => o.value === v);
        setPicked(hit?.name);
        onChange?.(hit ? hit.name : v);
        onPick(hit ? { id: hit.id, name: hit.name } : undefined);
      }}
      placeholder="输入企业名称（至少2个字）查找，找不到可直接填写"
      maxLength={200}
      allowClear
      data-testid="tip-enterprise"
    />
  );
}
