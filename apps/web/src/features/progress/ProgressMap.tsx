import type { RegionProgress } from '@taotai/shared';
import { Alert, Spin, Typography } from 'antd';
import { type MapSeriesOption, MapChart } from 'echarts/charts';
import { type TooltipComponentOption, TooltipComponent, type VisualMapComponentOption, VisualMapComponent } from 'echarts/components';
import { type ComposeOption, type EChartsType, getMap, init, registerMap, use } from 'echarts/core';
import { CanvasRenderer } from 'echarts/renderers';
import { useEffect, useMemo, useRef, useState } from 'react';
import { type GeoFeatureRef, matchFeatures } from './geo.ts';
import { percent } from './links.ts';

// Only the parts the map needs, so this chunk stays a fraction of the whole library.
use([MapChart, TooltipComponent, VisualMapComponent, CanvasRenderer]);

type Option = ComposeOption<MapSeriesOption | TooltipComponentOption | VisualMapComponentOption>;

interface GeoJson {
  type: string;
  features: { id?: string; properties: { name: string } }[];
}

/** Outlines are fetched once per file and registered with echarts under their code. */
const loading = new Map<string, Promise<GeoFeatureRef[]>>();
function loadOutlines(file: string): Promise<GeoFeatureRef[]> {
  let p = loading.get(file);
  if (!p) {
    p = fetch(`/geo/${file}.json`)
      .then((r) => {
        if (!r.ok) throw new Error(`地图数据加载失败（${r.status}）`);
        return r.json() as Promise<GeoJson>;
      })
      .then((geo) => {
        // echarts' GeoJSON type is stricter than the file's declared shape; the file itself is valid GeoJSON.
        if (!getMap(file)) registerMap(file, geo as unknown as Parameters<typeof registerMap>[1]);
        return geo.features.map((f) => ({ name: f.properties.name, id: f.id }));
      })
      .catch((e) => {
        loading.delete(file);
        throw e;
      });
    loading.set(file, p);
  }
  return p;
}

export interface MapMetric {
  /** What the colour means, shown in the legend and tooltip. */
  label: string;
  value: (r: RegionProgress) => number | null;
}

interface Props {
  file: string;
  regions: RegionProgress[];
  metric: MapMetric;
  onSelect: (code: string) => void;
  /** Area names are drawn at province level; the country's provinces are too many and too small. */
  showLabels: boolean;
}

/**
 * The children of the region on a map coloured by completion; clicking an area drills down. Areas with no
 * matching region (or no tasks) stay grey. 省直管县 have no outline of their own and are inside their city.
 */
export default function ProgressMap({ file, regions, metric, onSelect, showLabels }: Props) {
  const box = useRef<HTMLDivElement>(null);
  const chart = useRef<EChartsType | null>(null);
  const [features, setFeatures] = useState<GeoFeatureRef[]>();
  const [error, setError] = useState<string>();
  const selectRef = useRef(onSelect);
  selectRef.current = onSelect;

  useEffect(() => {
    let live = true;
    setFeatures(undefined);
    setError(undefined);
    loadOutlines(file)
      .then((f) => live && setFeatures(f))
      .catch((e: Error) => live && setError(e.message));
    return () => {
      live = false;
    };
  }, [file]);

  // Administrative children only: a 省直管县 listed again under its province has no outline here.
  const matched = useMemo(() => (features ? matchFeatures(features, regions.filter((r) => !r.directlyAdministered && !r.ownLevel)) : undefined), [features, regions]);

  useEffect(() => {
    if (!box.current || !features || !matched) return;
    chart.current ??= init(box.current, undefined, { renderer: 'canvas' });
    const c = chart.current;
    const data = features.map((f) => {
      const r = matched.get(f.name);
      const v = r ? metric.value(r) : null;
      return { name: f.name, value: v === null ? Number.NaN : Math.round(v * 1000) / 10, region: r };
    });
    const option: Option = {
      tooltip: {
        trigger: 'item',
        formatter: (p) => {
          const d = (p as unknown as { data?: (typeof data)[number] }).data;
          const r = d?.region;
          if (!r) return `${(p as { name: string }).name}<br/>无对应区划`;
          const v = metric.value(r);
          return `<b>${r.name}</b><br/>${metric.label}：${percent(v)}<br/>退出任务：${r.tasks} 个（逾期 ${r.overdueTasks} 个）<br/>企业：计划 ${r.enterprisesPlanned} 家，已验收 ${r.enterprisesAccepted} 家<br/><span style="color:#888">点击查看下级</span>`;
        },
      },
      visualMap: {
        type: 'continuous',
        min: 0,
        max: 100,
        calculable: false,
        orient: 'horizontal',
        left: 'center',
        bottom: 0,
        itemWidth: 12,
        itemHeight: 160,
        text: ['100%', '0%'],
        inRange: { color: ['#fff1e6', '#ffd591', '#95de64', '#237804'] },
        outOfRange: { color: '#237804' },
      },
      series: [
        {
          type: 'map',
          map: file,
          roam: false,
          // Fill the box (the default leaves wide margins); the legend sits underneath.
          layoutCenter: ['50%', '46%'],
          layoutSize: '92%',
          selectedMode: false,
          label: { show: showLabels, fontSize: 10, color: '#333' },
          itemStyle: { areaColor: '#f0f0f0', borderColor: '#999', borderWidth: 0.6 },
          emphasis: { label: { show: true }, itemStyle: { areaColor: '#91caff' } },
          data,
        },
      ],
    };
    c.setOption(option, true);
    c.off('click');
    c.on('click', (p) => {
      const r = (p.data as { region?: RegionProgress } | undefined)?.region;
      if (r) selectRef.current(r.code);
    });
  }, [features, matched, file, metric, showLabels]);

  useEffect(() => {
    const el = box.current;
    if (!el) return;
    const ro = new ResizeObserver(() => chart.current?.resize());
    ro.observe(el);
    return () => {
      ro.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, []);

  if (error) return <Alert type="warning" showIcon title={error} />;
  return (
    <div>
      <Spin spinning={!features}>
        <div ref={box} style={{ height: 520, width: '100%' }} data-testid="progress-map" />
      </Spin>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        颜色：{metric.label}；灰色为无退出任务或无对应区划。点击地区查看下级。
      </Typography.Text>
    </div>
  );
}
