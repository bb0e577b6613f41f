import { CRITERION_LABELS, type SurveyFiling, type SurveyLine, VERIFICATION_RESULT_LABELS } from '@taotai/shared';
import { Alert, App, Button, Card, Space, Table, Tag, Tooltip, Typography } from 'antd';
import { useState } from 'react';
import { useNavigate, useParams } from 'react-router-dom';
import { DetailPage, type DetailView } from '../../shared/DetailPage.tsx';
import { errorMessage } from '../../shared/form-errors.ts';
import { fmtDateTime, fmtNumber } from '../../shared/format.ts';
import { useAsync } from '../../shared/use-async.ts';
import { useToday } from '../../shared/use-today.ts';
import { unitName, useCatalogue } from '../catalogue/catalogue-api.ts';
import { filingApi } from '../filing/filing-api.ts';
import { FilingHistory } from '../filing/FilingHistory.tsx';
import { FilingStatusTag } from '../filing/labels.tsx';
import { surveyApi, unitTotalsText } from './survey-api.ts';
import { SurveySubmitModal } from './SurveySubmitModal.tsx';
import { VerifyModal } from './VerifyModal.tsx';
import { ProvisionalDate } from '../../shared/ProvisionalDate.tsx';

const RESULT_COLORS = { verified: 'green', not_found: 'red', discrepancy: 'orange' } as const;

/**
 * One region's survey filing on the one detail-page scaffold (issue 10 §5): its lines (or zero report), totals per
 * unit, site verification and history (the filing's own, FilingHistory).
 */
export default function SurveyFilingPage() {
  const { id } = useParams();
  const nav = useNavigate();
  const { message } = App.useApp();
  const today = useToday();
  const { units } = useCatalogue();
  const s = useAsync(() => surveyApi.get(id!), [id]);
  const [verifying, setVerifying] = useState(false);
  const [resubmitting, setResubmitting] = useState(false);
  const [busy, setBusy] = useState(false);
  const survey = s.data;
  const req = useAsync(() => (survey && resubmitting ? filingApi.requirement(survey.filing.requirementId) : Promise.resolve(null)), [survey?.filing.requirementId, resubmitting]);

  const uname = (code: string) => unitName(units, code);
  const back = survey
    ? { to: `/filing-requirements/${survey.filing.requirementId}?period=${encodeURIComponent(survey.filing.periodKey)}`, label: '返回报送要求' }
    : { to: '/survey', label: '返回' };
  const receive = async (f: SurveyFiling['filing']) => {
    setBusy(true);
    try {
      await filingApi.receive(f.id);
      message.success('已接收，可以录入现场核查结果');
      s.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  const accept = async (f: SurveyFiling['filing']) => {
    setBusy(true);
    try {
      await filingApi.accept(f.id);
      message.success('已采纳');
      s.reload();
    } catch (e) {
      message.error(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const view = (survey: SurveyFiling): DetailView => {
    const f = survey.filing;
    const canReceive = f.availableEvents.includes('receive');
    const canAccept = f.availableEvents.includes('accept');
    return {
      title: (
        <span>
          {survey.regionName} · {f.requirementTitle}
        </span>
      ),
      status: (
        <>
          <FilingStatusTag status={f.status} />
          {survey.zeroReport && <Tag color="green">零报告</Tag>}
        </>
      ),
      actions: (
        <>
          {canReceive && (
            <Button type="primary" loading={busy} onClick={() => receive(f)}>
              接收
            </Button>
          )}
          {survey.abilities.verify && !survey.zeroReport && (
            <Button type="primary" onClick={() => setVerifying(true)} disabled={f.status !== 'received'}>
              现场核查
            </Button>
          )}
          {canAccept && (
            <Button loading={busy} onClick={() => accept(f)}>
              采纳
            </Button>
          )}
          {survey.abilities.resubmit && (
            <Button type="primary" onClick={() => setResubmitting(true)}>
              修改后重新报送
            </Button>
          )}
        </>
      ),
      facts: [
        { key: 'u', label: '报送单位', children: f.target.name },
        { key: 'd', label: '截止日期', children: <ProvisionalDate date={f.dueDate} provisional={f.dueProvisional} /> },
        {
          key: 'at',
          label: '报送时间',
          children: (
            <span>
              {fmtDateTime(f.submittedAt)}{' '}
              {f.onTime ? <Typography.Text type="success">按时</Typography.Text> : <Typography.Text type="danger">逾期 {f.lateWorkingDays} 个工作日</Typography.Text>}
            </span>
          ),
        },
        { key: 'n', label: '报送内容', children: survey.zeroReport ? '零报告' : `${survey.lines.length} 条生产线（设备）` },
        { key: 't', label: '产能合计', children: unitTotalsText(survey.totals) },
        { key: 'r', label: '台账现有', children: `${survey.registryLineCount} 条未淘汰生产线` },
        ...(survey.zeroReport ? [{ key: 's', label: '情况说明', children: survey.statement, span: 3 }] : []),
        ...(f.note ? [{ key: 'note', label: '备注', children: f.note, span: 3 }] : []),
      ],
      notice: (
        <>
          {f.status === 'returned' && f.returnReason && <Alert type="error" showIcon title="已退回修改" description={f.returnReason} style={{ marginBottom: 12 }} />}
          {survey.zeroReport && survey.registryLineCount > 0 && (
            <Alert type="warning" showIcon title={`该地区报送零报告，但企业台账中登记有 ${survey.registryLineCount} 条未淘汰的生产线，请核实`} />
          )}
        </>
      ),
      body: (
        <>
          {!survey.zeroReport && (
            <Card title={`报送的生产线（设备）· ${survey.lines.length} 条`}>
              <Table<SurveyLine>
                size="middle"
                rowKey="id"
                dataSource={survey.lines}
                pagination={survey.lines.length > 20 ? { pageSize: 20 } : false}
                data-testid="survey-lines"
                columns={[
                  { title: '企业', dataIndex: 'enterpriseName', width: 220, render: (n: string, l) => <Typography.Link onClick={() => nav(`/enterprises/${l.enterpriseId}`)}>{n}</Typography.Link> },
                  { title: '生产线（设备）', dataIndex: 'lineName', render: (n: string, l) => (l.specification ? `${n}（${l.specification}）` : n) },
                  { title: '产能', key: 'cap', width: 130, align: 'right', render: (_, l) => `${fmtNumber(l.capacity)} ${uname(l.capacityUnit)}` },
                  { title: '类别', dataIndex: 'criterion', width: 70, render: (c: SurveyLine['criterion']) => CRITERION_LABELS[c] },
                  {
                    title: '现场核查',
                    key: 'v',
                    width: 260,
                    render: (_, l) =>
                      l.verification ? (
                        <Tooltip title={`${l.verification.verifiedOn} ${l.verification.verifiedByName}`}>
                          <Space size={4} wrap>
                            <Tag color={RESULT_COLORS[l.verification.result]}>{VERIFICATION_RESULT_LABELS[l.verification.result]}</Tag>
                            {l.verification.foundCapacity !== null && (
                              <Typography.Text>
                                核实 {fmtNumber(l.verification.foundCapacity)} {uname(l.capacityUnit)}
                              </Typography.Text>
                            )}
                            {l.verification.note && <Typography.Text type="secondary">{l.verification.note}</Typography.Text>}
                          </Space>
                        </Tooltip>
                      ) : (
                        <Typography.Text type="secondary">未核查</Typography.Text>
                      ),
                  },
                ]}
              />
            </Card>
          )}
          <Card title="办理记录">
            <FilingHistory filing={f} />
            {survey.verifications.length > 0 && (
              <Typography.Paragraph type="secondary">
                现场核查：
                {survey.verifications.map((v) => `${v.verifiedOn} ${v.verifiedByName}（第${v.revision}版，${v.itemCount} 条，${v.outcome === 'clean' ? '无问题' : '发现问题已退回'}）`).join('；')}
              </Typography.Paragraph>
            )}
          </Card>
        </>
      ),
      modals: (
        <>
          <VerifyModal
            open={verifying}
            survey={survey}
            today={today}
            unitName={uname}
            onClose={(saved) => {
              setVerifying(false);
              if (saved) s.reload();
            }}
          />
          {req.data && (
            <SurveySubmitModal
              open={resubmitting}
              requirement={req.data}
              periodKey={f.periodKey}
              previous={survey}
              onClose={(done) => {
                setResubmitting(false);
                if (done) s.reload();
              }}
            />
          )}
        </>
      ),
    };
  };

  return <DetailPage state={s} notFound="排查报送不存在或无权访问" back={back} render={view} />;
}
