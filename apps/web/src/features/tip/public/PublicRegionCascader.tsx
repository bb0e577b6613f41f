import { Select, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { publicTipApi, type PublicRegionOption } from '../tip-api.ts';

const LEVELS = ['省（自治区、直辖市）', '市（地区、州）', '县（市、区）', '乡镇（街道）'] as const;

/**
 * The public form's place (issue 13: "the place by the region picker down to the township"): one select per level,
 * each loaded when the level above is chosen. Four selects, not a cascader: a cascader's four columns do not fit a
 * 390-px phone (the first column slides off the screen). The value is the deepest code chosen (a county when the
 * township is not known).
 */
export function PublicRegionCascader({ id, onChange, 'aria-invalid': invalid }: { id?: string; value?: string; onChange?: (code: string | undefined) => void; 'aria-invalid'?: boolean }) {
  const [path, setPath] = useState<string[]>([]);
  const [levels, setLevels] = useState<PublicRegionOption[][]>([]);
  const [failed, setFailed] = useState(false);
  useEffect(() => {
    publicTipApi
      .regions()
      .then((rs) => setLevels([rs]))
      .catch(() => setFailed(true));
  }, []);

  const choose = async (depth: number, code: string | undefined) => {
    setFailed(false);
    const next = [...path.slice(0, depth), ...(code ? [code] : [])];
    setPath(next);
    setLevels((ls) => ls.slice(0, depth + 1));
    onChange?.(next[next.length - 1]);
    const picked = code ? levels[depth]?.find((r) => r.code === code) : undefined;
    if (code && picked?.hasChildren && depth + 1 < LEVELS.length) {
      const kids = await publicTipApi.regions(code).catch(() => {
        setFailed(true);
        return [];
      });
      setLevels((ls) => [...ls.slice(0, depth + 1), kids]);
    }
  };

  return (
    <div className="tip-region" data-testid="tip-region">
      {LEVELS.map((label, depth) => (
        <Select
          key={label}
          id={depth === 0 ? id : undefined}
          aria-invalid={invalid}
          aria-label={label}
          placeholder={label}
          value={path[depth]}
          disabled={!levels[depth]?.length}
          allowClear={depth > 0}
          showSearch={{ optionFilterProp: 'label' }}
          options={(levels[depth] ?? []).map((r) => ({ value: r.code, label: r.name }))}
          onChange={(v: string | undefined) => choose(depth, v)}
        />
      ))}
      {failed && (
        <Typography.Text type="danger" role="alert" style={{ gridColumn: '1 / -1' }}>
          地区列表暂时无法加载，请稍后刷新页面重试
        </Typography.Text>
      )}
    </div>
  );
}
