import {
  IdParam,
  LifecycleHistory,
  listPageOf,
  ReminderRunResult,
  Tip,
  TipFilterQuery,
  TipIdentity,
  TipLinkBody,
  TipListItem,
  TipOfficeMessageBody,
  TipQuery,
  TipRevealBody,
  TipSettings,
  TipSettingsBody,
  TipSummary,
  TipTransitionBody,
} from '@taotai/shared';
import { z } from 'zod';
import type { AppContext } from '../../app-context.ts';
import { sendXlsx } from '../../platform/documents/xlsx-export.ts';
import { attachmentHeader } from '../../platform/files/index.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { addTipCheck, readCheckForm, tipFile } from './tip-check.service.ts';
import { runTipEscalation } from './tip-escalation.ts';
import { prepareTipExport } from './tip-export.ts';
import { addTipLink } from './tip-links.ts';
import { revealTipIdentity } from './tip-reveal.service.ts';
import { getTipSettings, saveTipSettings, tipSummary } from './tip-summary.service.ts';
import { postOfficeMessage, transitionTip } from './tip-transition.service.ts';
import { getTip, listTips, tipHistory } from './tip.service.ts';

const FileParam = z.object({ id: z.coerce.number().int().positive(), fileId: z.coerce.number().int().positive() });

/**
 * The office's handling of tips (issue 13, tip-api.md "Office"). No role ability gates these routes: who sees a tip
 * is the tip's own rule (tip.policy.ts, one SQL reach), and everyone out of it gets 404 exactly like a missing tip.
 */
export function tipRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['tips'];
  const config = {};
  const base = '/api/v1/tips';
  app.get(
    base,
    { config, schema: { tags, summary: '举报列表（承办、上级督办、提级督办；状态、事项、逾期、升级筛选）', querystring: TipQuery, response: { 200: listPageOf(TipListItem) } } },
    async (req) => listTips(ctx.db, ctx.clock, req.actor!, req.query),
  );
  app.get(
    `${base}/export.xlsx`,
    { config, schema: { tags, summary: '按列表筛选条件导出举报（xlsx，不含举报人信息）', querystring: TipFilterQuery } },
    async (req, reply) => sendXlsx(reply, req.log, await prepareTipExport(ctx.db, ctx.clock, req.actor!, req.query)),
  );
  app.get(
    `${base}/summary`,
    { config, schema: { tags, summary: '工作台：在办、逾期、提级至本级、本年办结的举报数', response: { 200: TipSummary } } },
    async (req) => tipSummary(ctx.db, ctx.clock, req.actor!),
  );
  app.get(
    `${base}/settings`,
    { config, schema: { tags, summary: '本地区举报办理期限（工作日）', response: { 200: TipSettings } } },
    async (req) => getTipSettings(ctx.db, req.actor!),
  );
  app.put(
    `${base}/settings`,
    { config, schema: { tags, summary: '设置本地区举报办理期限（领导小组办公室；1–60个工作日；记入审计）', body: TipSettingsBody, response: { 200: TipSettings } } },
    async (req) => saveTipSettings(ctx.db, ctx.clock, req.actor!, req.body),
  );
  app.get(
    `${base}/:id`,
    { config, schema: { tags, summary: '举报详情（举报人身份只显示是否封存）', params: IdParam, response: { 200: Tip } } },
    async (req) => getTip(ctx.db, ctx.clock, req.actor!, req.params.id),
  );
  app.get(
    `${base}/:id/history`,
    { config, schema: { tags, summary: '举报的办理履历（受理、转办、延期、提交办结、退回、审定办结）', params: IdParam, response: { 200: LifecycleHistory } } },
    async (req) => tipHistory(ctx.db, req.actor!, req.params.id),
  );
  app.get(
    `${base}/:id/files/:fileId`,
    { config, schema: { tags, summary: '下载举报附件或核查证据（举报附件为去除元数据的副本）', params: FileParam } },
    async (req, reply) => {
      const { row, stream } = await tipFile(ctx.db, ctx.config.dataDir, req.actor!, req.params.id, req.params.fileId);
      return reply.header('content-type', row.mime).header('content-disposition', attachmentHeader(row.originalName, 'tip-file')).send(stream);
    },
  );
  app.post(
    `${base}/:id/transition`,
    { config, schema: { tags, summary: '受理、转办（一次）、延期（一次）、提交办结、退回、审定办结（提交人以外的承办单位人员）', params: IdParam, body: TipTransitionBody, response: { 200: Tip } } },
    async (req) => transitionTip(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.post(
    `${base}/:id/checks`,
    {
      config,
      schema: { tags, summary: '录入核查记录（multipart：checkedOn、method、inspectors、findings，证据文件 files；PDF/JPEG/PNG）', params: IdParam, consumes: ['multipart/form-data', 'application/json'], response: { 200: Tip } },
    },
    async (req) => {
      await getTip(ctx.db, ctx.clock, req.actor!, req.params.id); // 404 before reading any upload
      return addTipCheck(ctx.db, ctx.clock, ctx.config.dataDir, req.actor!, req.params.id, await readCheckForm(req, ctx.config.dataDir));
    },
  );
  app.post(
    `${base}/:id/messages`,
    { config, schema: { tags, summary: '给举报人留言（办结前）', params: IdParam, body: TipOfficeMessageBody, response: { 200: Tip } } },
    async (req) => postOfficeMessage(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.post(
    `${base}/:id/links`,
    { config, schema: { tags, summary: '关联核查结果：新增登记生产线、案件、重新开启退出任务、设备异地转移标记、瞒报', params: IdParam, body: TipLinkBody, response: { 200: Tip } } },
    async (req) => addTipLink(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.post(
    `${base}/:id/identity/reveal`,
    { config, schema: { tags, summary: '查看实名举报人身份（仅身份保管人，须填写理由；记入审计并告知承办单位）', params: IdParam, body: TipRevealBody, response: { 200: TipIdentity } } },
    async (req) => revealTipIdentity(ctx.db, ctx.clock, ctx.sealKey, req.actor!, req.params.id, req.body),
  );
  app.post(
    '/api/v1/jobs/tip-escalation/run',
    { config: { ability: 'settings:manage' }, schema: { tags: ['jobs'], summary: '立即执行举报逾期提级督办（管理员；重复执行不会重复提级）', response: { 200: ReminderRunResult } } },
    async () => runTipEscalation(ctx),
  );
}
