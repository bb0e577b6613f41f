import { CASE_CRITERION_LABELS, type CaseCriterion, TIP_FINDING_LABELS, TIP_MATTER_LABELS, type Tip } from '@taotai/shared';
import { Alert, Card, Descriptions, Image, List, Space, Typography } from 'antd';
import { Link, useParams } from 'react-router-dom';
import { useMe } from '../../app/session.tsx';
import { DetailPage, type DetailView } from '../../shared/DetailPage.tsx';
import { useAsync } from '../../shared/use-async.ts';
import { useRecordAction } from '../../shared/use-record-action.ts';
import { TipActions } from './TipActions.tsx';
import { TipChecks } from './TipChecks.tsx';
import { TipIdentityReveal } from './TipIdentityReveal.tsx';
import { TipLinks } from './TipLinks.tsx';
import { tipApi, tipFileUrl } from './tip-api.ts';
import { TipDeadline, TipFlags, TipStatusTag } from './TipTags.tsx';
import { TipThread } from './TipThread.tsx';

/** The tipster's photos inline (stripped copies), PDFs as links. */
function TipFiles({ t }: { t: Tip }) {
  const images = t.files.filter((f) => f.mime.startsWith('image/'));
  const others = t.files.filter((f) => !f.mime.startsWith('image/'));
  return (
    <Card title="举报附件" size="small" data-testid="tip-files">
      {t.files.length === 0 && <Typography.Text type="secondary">没有附件</Typography.Text>}
      {images.length > 0 && (
        <Image.PreviewGroup>
          <Space wrap>
            {images.map((f) => (
              <Image key={f.id} src={tipFileUrl(t.id, f.id)} alt={f.name} width={160} height={120} style={{ objectFit: 'cover' }} data-testid="tip-file-image" />
            ))}
          </Space>
        </Image.PreviewGroup>
      )}
      {others.length > 0 && (
        <List
          size="small"
          dataSource={others}
          renderItem={(f) => (
            <List.Item>
              <a href={tipFileUrl(t.id, f.id)} target="_blank" rel="noreferrer">
                {f.name}
              </a>
            </List.Item>
          )}
        />
      )}
    </Card>
  );
}

/** One tip as the handling office sees it: the identity only as its label; check, link, reply, conclude. */
export default function TipDetailPage() {
  const { id } = useParams();
  const me = useMe();
  const p = useAsync(() => tipApi.get(id!), [id]);
  const { busy, run } = useRecordAction(() => p.reload());
  return <DetailPage state={p} notFound="举报不存在或无权访问" back={{ to: '/tips', label: '返回' }} render={view} />;

  function view(t: Tip): DetailView {
    const extended = t.originalDeadline !== t.deadline;
    return {
      title: `${t.no} · ${TIP_MATTER_LABELS[t.matter]}`,
      status: (
        <Space size={4}>
          <TipStatusTag t={t} />
          <TipFlags t={t} />
        </Space>
      ),
      actions: (
        <>
          {me.role === 'identity_custodian' && t.identityKind === 'real_name' && <TipIdentityReveal tipId={t.id} onRevealed={p.reload} />}
          <TipActions key={t.version} t={t} busy={busy} run={run} />
        </>
      ),
      columns: { md: 2, xl: 3 },
      facts: [
        { key: 'e', label: '被举报企业', children: t.enterpriseId ? <Link to={`/enterprises/${t.enterpriseId}`}>{t.enterpriseName}</Link> : (t.enterpriseName ?? '未填写') },
        { key: 'r', label: '所在地区', children: t.regionName },
        { key: 'a', label: '详细地址', children: t.address ?? '—' },
        ...(t.criterion ? [{ key: 'c', label: '不达标类别', children: CASE_CRITERION_LABELS[t.criterion as CaseCriterion] ?? t.criterion }] : []),
        { key: 'i', label: '举报方式', children: <span data-testid="tip-identity-label">{t.identityLabel}</span> },
        { key: 'h', label: '办理单位', children: t.handlingAgencyName ?? t.handlingRegionName },
        { key: 'rv', label: '受理日期', children: t.receivedOn },
        { key: 'd', label: '办理期限', children: <TipDeadline t={t} /> },
        ...(extended ? [{ key: 'od', label: '原定期限', children: `${t.originalDeadline}（延期理由：${t.extensionReason ?? '—'}）` }] : []),
        ...(t.forwardedFromRegionName ? [{ key: 'fw', label: '转办', children: `由${t.forwardedFromRegionName}转来：${t.forwardReason ?? ''}` }] : []),
        ...(t.escalatedToRegionName ? [{ key: 'es', label: '升级督办', children: <Typography.Text type="danger">逾期未办结，已提级至{t.escalatedToRegionName}督办</Typography.Text> }] : []),
        ...(t.aboutOfficials ? [{ key: 'ao', label: '涉及工作人员', children: '是（由上一级办理）' }] : []),
        ...(t.finding ? [{ key: 'f', label: '核查结论', children: TIP_FINDING_LABELS[t.finding] }] : []),
        ...(t.concludedOn ? [{ key: 'co', label: '办结日期', children: t.concludedOn }] : []),
      ],
      notice: t.identityRevealed ? <Alert type="warning" showIcon title="举报人身份已由身份保管人依规查看（已记录）" /> : null,
      body: (
        <>
          <Card title="举报内容" size="small">
            <Typography.Paragraph style={{ whiteSpace: 'pre-wrap', margin: 0 }} data-testid="tip-content">
              {t.content}
            </Typography.Paragraph>
          </Card>
          {(t.reply || t.measures) && (
            <Card title="办结意见" size="small" data-testid="tip-conclusion">
              <Descriptions column={1} size="small" bordered>
                {t.finding && <Descriptions.Item label="核查结论">{TIP_FINDING_LABELS[t.finding]}</Descriptions.Item>}
                <Descriptions.Item label="答复举报人">
                  <span style={{ whiteSpace: 'pre-wrap' }}>{t.reply ?? '—'}</span>
                </Descriptions.Item>
                <Descriptions.Item label="处理措施（公开）">
                  <span style={{ whiteSpace: 'pre-wrap' }}>{t.measures ?? '—'}</span>
                </Descriptions.Item>
              </Descriptions>
            </Card>
          )}
          <TipFiles t={t} />
          <TipChecks t={t} busy={busy} run={run} />
          <TipLinks t={t} busy={busy} run={run} />
          <Card title="与举报人沟通" size="small">
            <TipThread
              messages={t.messages}
              closedText={t.status === 'concluded' ? '该举报已办结，不能再发送消息。' : undefined}
              sendLabel="发送给举报人"
              onSend={
                t.status === 'concluded'
                  ? undefined
                  : async (body) => {
                      await tipApi.message(t.id, body);
                      p.reload();
                    }
              }
            />
          </Card>
        </>
      ),
      history: { path: `/tips/${t.id}`, version: t.version },
    };
  }
}
