import { SendOutlined } from '@ant-design/icons';
import type { ListPage as Page, FilingRequirementSummary } from '@taotai/shared';
import { Button, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useNavigate, useSearchParams } from 'react-router-dom';
import { useMe } from '../../app/session.tsx';
import { api } from '../../shared/api.ts';
import { useAsync } from '../../shared/use-async.ts';
import { useToday, yearOf } from '../../shared/use-today.ts';
import { FilingMatrixView } from './FilingMatrixView.tsx';
import { FilingRequirementList, type RequirementView } from './FilingRequirementList.tsx';
import { IssueRequirementModal } from './IssueRequirementModal.tsx';

const OVERSEERS = new Set(['admin', 'auditor', 'national_auditor', 'leader', 'group_office']);

/**
 * 报送管理: what is addressed to my unit, what my office (and those below) issued, and the status matrix, each
 * tab's table on the one list page (ADR 0014). Only the open tab is mounted, so the tabs never share a page.
 */
export default function FilingListPage() {
  const me = useMe();
  const nav = useNavigate();
  const today = useToday();
  const thisYear = yearOf(today);
  const [params, setParams] = useSearchParams();
  const [issuing, setIssuing] = useState(false);
  // The year the tabs show (cleared: every year); a new requirement is issued for it, or this year.
  const yearParam = params.get('year') ?? undefined;
  const year = Number(yearParam) || thisYear;

  const mayIssue = me.role === 'group_office';
  const oversees = OVERSEERS.has(me.role);
  const files = me.role === 'group_office' || me.role === 'town' || me.role === 'member_agency';
  // The tabs' counts for the year shown (one row each, with the total).
  const count = (view: RequirementView, on: boolean) =>
    on ? api.get<Page<FilingRequirementSummary>>('/filing-requirements/list', { view, year: yearParam, pageSize: 1, withTotal: 'true' }).then((p) => p.total) : Promise.resolve(null);
  const addressed = useAsync(() => count('addressed', files), [yearParam, files]);
  const issued = useAsync(() => count('issued', oversees), [yearParam, oversees]);

  // What is addressed to the unit comes first when there is any; a province office mostly issues.
  const tab = params.get('tab') ?? (files && (addressed.loading || addressed.data || !oversees) ? 'addressed' : 'issued');
  const setTab = (t: string) => setParams({ tab: t, ...(yearParam ? { year: yearParam } : {}) }, { replace: true });
  const label = (text: string, n: number | null | undefined) => `${text}${n === null || n === undefined ? '' : `（${n}）`}`;

  const items =
    thisYear === undefined
      ? []
      : [
          ...(files ? [{ key: 'addressed', label: label('下达给本单位', addressed.data), children: <FilingRequirementList view="addressed" thisYear={thisYear} /> }] : []),
          ...(oversees
            ? [
                { key: 'issued', label: label(mayIssue ? '本级及下级下达' : '下达的报送要求', issued.data), children: <FilingRequirementList view="issued" thisYear={thisYear} /> },
                { key: 'matrix', label: '报送情况总表', children: <FilingMatrixView thisYear={thisYear} /> },
              ]
            : []),
        ];

  return (
    <Card>
      {mayIssue && (
        <div className="page-toolbar" style={{ justifyContent: 'flex-end' }}>
          <Button type="primary" icon={<SendOutlined />} onClick={() => setIssuing(true)}>
            下达报送要求
          </Button>
        </div>
      )}
      <Tabs activeKey={tab} onChange={setTab} items={items} destroyOnHidden />
      {mayIssue && year && today && (
        <IssueRequirementModal
          open={issuing}
          year={year}
          today={today}
          onClose={(r) => {
            setIssuing(false);
            if (r) nav(`/filing-requirements/${r.id}`);
          }}
        />
      )}
    </Card>
  );
}
