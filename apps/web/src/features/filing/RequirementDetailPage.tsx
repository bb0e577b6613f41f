import { FILING_AUDIENCE_LABELS, RECURRENCE_LABELS } from '@taotai/shared';
import { Button, Card, Descriptions, Result, Select, Space, Spin, Tag, Typography } from 'antd';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import { useAsync } from '../../shared/use-async.ts';
import { dueRuleText, filingApi } from './filing-api.ts';
import { IssuerFilingsPanel } from './IssuerFilingsPanel.tsx';
import { DeadlineText, KindTag } from './labels.tsx';
import { MyFilingPanel } from './MyFilingPanel.tsx';

const RELATION_LABELS = { issuer: '本单位下达', filer: '下达给本单位', overseer: '下级下达（督导）' } as const;

/** One requirement: its terms and periods; the filer's panel or the issuer's filings and non-submitters. */
export default function RequirementDetailPage() {
  const { id } = useParams();
  const nav = useNavigate();
  const [params, setParams] = useSearchParams();
  const req = useAsync(() => filingApi.requirement(id!), [id]);
  const r = req.data;

  if (req.loading && !r) return <Spin style={{ display: 'block', margin: '80px auto' }} />;
  if (req.error || !r) {
    return (
      <Result
        status={req.error?.status === 404 ? '404' : 'error'}
        title={req.error?.message ?? '报送要求不存在或无权访问'}
        extra={<Button onClick={() => nav('/filings')}>返回报送管理</Button>}
      />
    );
  }
  const periodKey = params.get('period') && r.periods.some((p) => p.key === params.get('period')) ? params.get('period')! : r.currentPeriod.key;
  const period = r.periods.find((p) => p.key === periodKey) ?? r.currentPeriod;

  return (
    <Space orientation="vertical" size={16} style={{ width: '100%' }}>
      <Card
        title={
          <Space>
            <span data-testid="requirement-title">{r.title}</span>
            <KindTag kind={r.kind} />
            <Tag>{RELATION_LABELS[r.relation]}</Tag>
          </Space>
        }
        extra={<Button onClick={() => nav('/filings')}>返回报送管理</Button>}
      >
        <Descriptions
          bordered
          size="small"
          column={{ xs: 1, md: 2, xl: 3 }}
          items={[
            { key: 'i', label: '下达单位', children: r.issuerAgencyName ?? `${r.issuerRegionName}领导小组办公室` },
            { key: 'on', label: '下达日期', children: r.issuedOn },
            { key: 'a', label: '报送对象', children: `${FILING_AUDIENCE_LABELS[r.audience].replace(/（.*）/, '')}（${r.targetCount} 个单位）` },
            { key: 'rec', label: '频次', children: RECURRENCE_LABELS[r.recurrence] },
            { key: 'due', label: '报送期限', children: dueRuleText(r.due) },
            { key: 'rem', label: '提醒', children: `截止前 ${r.remindDaysBefore} 个工作日提醒` },
            {
              key: 'p',
              label: '期次',
              children:
                r.periods.length > 1 ? (
                  <Select
                    size="small"
                    style={{ width: 220 }}
                    value={periodKey}
                    onChange={(k) => setParams({ period: k }, { replace: true })}
                    options={r.periods.map((p) => ({ value: p.key, label: `${p.label}（截止 ${p.dueDate}）` }))}
                  />
                ) : (
                  `截止 ${period.dueDate}`
                ),
            },
            {
              key: 'dl',
              label: '期限',
              children:
                r.myFiling && period.key === r.currentPeriod.key ? (
                  r.myFiling.lateWorkingDays > 0 ? (
                    `已报送（逾期 ${r.myFiling.lateWorkingDays} 个工作日）`
                  ) : (
                    '已按时报送'
                  )
                ) : period.key === r.currentPeriod.key ? (
                  <DeadlineText label={r.deadlineLabel} />
                ) : (
                  `截止 ${period.dueDate}`
                ),
            },
            ...(r.description ? [{ key: 'd', label: '报送说明', children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.description}</Typography.Text>, span: 3 }] : []),
            ...(r.requiredFields.length ? [{ key: 'f', label: '填报项', children: r.requiredFields.map((f) => f.label).join('、'), span: 3 }] : []),
          ]}
        />
      </Card>
      {r.relation === 'filer' && <MyFilingPanel requirement={r} periodKey={period.key} deadlineLabel={r.deadlineLabel} onChanged={req.reload} />}
      {r.abilities.viewFilings && <IssuerFilingsPanel requirement={r} periodKey={period.key} onChanged={req.reload} />}
    </Space>
  );
}
