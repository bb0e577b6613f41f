import type { FilingRequirement } from '@taotai/shared';
import { Alert, Button, Card, Descriptions, Empty, Space, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate } from 'react-router-dom';
import { fmtDateTime } from '../../shared/format.ts';
import { useAsync } from '../../shared/use-async.ts';
import { surveyApi } from '../survey/survey-api.ts';
import { SurveySubmitModal } from '../survey/SurveySubmitModal.tsx';
import { filingApi } from './filing-api.ts';
import { FilingHistory } from './FilingHistory.tsx';
import { DeadlineText, FilingStatusTag } from './labels.tsx';
import { SubmitFilingModal } from './SubmitFilingModal.tsx';
import { ProvisionalDate, provisionalText } from '../../shared/ProvisionalDate.tsx';

interface Props {
  requirement: FilingRequirement;
  periodKey: string;
  deadlineLabel: string;
  onChanged: () => void;
}

/** The addressed unit's side: file for the period, see returns with their reasons, and resubmit. */
export function MyFilingPanel({ requirement, periodKey, deadlineLabel, onChanged }: Props) {
  const nav = useNavigate();
  const [open, setOpen] = useState(false);
  const list = useAsync(() => filingApi.filings(requirement.id, periodKey), [requirement.id, periodKey]);
  const mine = list.data?.[0] ?? null;
  const full = useAsync(() => (mine ? filingApi.filing(mine.id) : Promise.resolve(null)), [mine?.id, mine?.version]);
  const survey = requirement.kind === 'survey_result';
  const previousSurvey = useAsync(
    () => (survey && mine && open ? surveyApi.get(mine.id) : Promise.resolve(null)),
    [survey, mine?.id, open],
  );
  const filing = full.data;
  const mayResubmit = !!filing?.availableEvents.includes('resubmit');
  const period = requirement.periods.find((p) => p.key === periodKey);

  const done = (changed: boolean) => {
    setOpen(false);
    if (changed) {
      list.reload();
      onChanged();
    }
  };

  return (
    <Card
      title={`本单位报送（${requirement.myTarget?.name ?? ''}）`}
      extra={
        <Space>
          {filing && survey && <Button onClick={() => nav(`/survey-filings/${filing.id}`)}>查看排查明细</Button>}
          {!mine && requirement.abilities.file && (
            <Button type="primary" onClick={() => setOpen(true)}>
              {survey ? '报送排查结果' : '报送'}
            </Button>
          )}
          {mayResubmit && (
            <Button type="primary" onClick={() => setOpen(true)}>
              修改后重新报送
            </Button>
          )}
        </Space>
      }
      data-testid="my-filing"
    >
      {list.error && <Alert type="error" showIcon title={list.error.message} />}
      {!mine && !list.loading && (
        <Empty
          description={
            <span>
              {period ? `${requirement.recurrence === 'once' ? '' : `${period.label}，`}截止 ${provisionalText(period.dueDate, period.dueProvisional)}，` : ''}尚未报送 · <DeadlineText label={deadlineLabel} />
            </span>
          }
        />
      )}
      {filing && (
        <>
          {filing.status === 'returned' && filing.returnReason && (
            <Alert type="error" showIcon title="已被退回，请修改后重新报送" description={filing.returnReason} style={{ marginBottom: 12 }} data-testid="return-reason" />
          )}
          <Descriptions
            size="small"
            column={{ xs: 1, md: 3 }}
            items={[
              { key: 's', label: '状态', children: <FilingStatusTag status={filing.status} /> },
              { key: 'd', label: '截止日期', children: <ProvisionalDate date={filing.dueDate} provisional={filing.dueProvisional} /> },
              {
                key: 'at',
                label: '首次报送',
                children: (
                  <span>
                    {fmtDateTime(filing.submittedAt)}{' '}
                    {filing.onTime ? (
                      <Typography.Text type="success">按时</Typography.Text>
                    ) : (
                      <Typography.Text type="danger">逾期 {filing.lateWorkingDays} 个工作日</Typography.Text>
                    )}
                  </span>
                ),
              },
              ...requirement.requiredFields.map((rf) => ({ key: `v-${rf.key}`, label: rf.label, children: String(filing.values[rf.key] ?? '—') })),
              ...(filing.note ? [{ key: 'n', label: '报送说明', children: filing.note, span: 3 }] : []),
            ]}
          />
          <Typography.Title level={5} style={{ marginTop: 12 }}>
            办理记录
          </Typography.Title>
          <FilingHistory filing={filing} />
        </>
      )}
      {survey ? (
        <SurveySubmitModal
          open={open && (!mine || !!previousSurvey.data)}
          requirement={requirement}
          periodKey={periodKey}
          previous={mine ? (previousSurvey.data ?? null) : null}
          onClose={done}
        />
      ) : (
        <SubmitFilingModal open={open} requirement={requirement} periodKey={periodKey} previous={mine ? (filing ?? null) : null} onClose={done} />
      )}
    </Card>
  );
}
