import { FILING_AUDIENCE_LABELS, type FilingRequirement, RECURRENCE_LABELS } from '@taotai/shared';
import { Select, Tag, Typography } from 'antd';
import { useParams, useSearchParams } from 'react-router-dom';
import { DetailPage, type DetailView } from '../../shared/DetailPage.tsx';
import { useAsync } from '../../shared/use-async.ts';
import { dueRuleText, filingApi } from './filing-api.ts';
import { IssuerFilingsPanel } from './IssuerFilingsPanel.tsx';
import { DeadlineText, KindTag } from './labels.tsx';
import { MyFilingPanel } from './MyFilingPanel.tsx';
import { ProvisionalDate, provisionalText } from '../../shared/ProvisionalDate.tsx';

const RELATION_LABELS = { issuer: '本单位下达', filer: '下达给本单位', overseer: '下级下达（督导）' } as const;

/**
 * One requirement on the one detail-page scaffold (issue 10 §5): its terms and periods; the filer's panel or the
 * issuer's filings and non-submitters. Filings keep their own history (FilingHistory in their drawer and panel).
 */
export default function RequirementDetailPage() {
  const { id } = useParams();
  const [params, setParams] = useSearchParams();
  const req = useAsync(() => filingApi.requirement(id!), [id]);

  const view = (r: FilingRequirement): DetailView => {
    const periodKey = params.get('period') && r.periods.some((p) => p.key === params.get('period')) ? params.get('period')! : r.currentPeriod.key;
    const period = r.periods.find((p) => p.key === periodKey) ?? r.currentPeriod;
    return {
      title: <span data-testid="requirement-title">{r.title}</span>,
      status: (
        <>
          <KindTag kind={r.kind} />
          <Tag>{RELATION_LABELS[r.relation]}</Tag>
        </>
      ),
      facts: [
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
                options={r.periods.map((p) => ({ value: p.key, label: `${p.label}（截止 ${provisionalText(p.dueDate, p.dueProvisional)}）` }))}
              />
            ) : (
              <>截止 <ProvisionalDate date={period.dueDate} provisional={period.dueProvisional} /></>
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
              <>截止 <ProvisionalDate date={period.dueDate} provisional={period.dueProvisional} /></>
            ),
        },
        ...(r.description ? [{ key: 'd', label: '报送说明', children: <Typography.Text style={{ whiteSpace: 'pre-wrap' }}>{r.description}</Typography.Text>, span: 3 }] : []),
        ...(r.requiredFields.length ? [{ key: 'f', label: '填报项', children: r.requiredFields.map((f) => f.label).join('、'), span: 3 }] : []),
      ],
      body: (
        <>
          {r.relation === 'filer' && <MyFilingPanel requirement={r} periodKey={period.key} deadlineLabel={r.deadlineLabel} onChanged={req.reload} />}
          {r.abilities.viewFilings && <IssuerFilingsPanel requirement={r} periodKey={period.key} onChanged={req.reload} />}
        </>
      ),
    };
  };

  return <DetailPage state={req} notFound="报送要求不存在或无权访问" back={{ to: '/filings', label: '返回报送管理' }} render={view} />;
}
