import {
  IdParam,
  JointPunishmentCandidates,
  JointPunishmentCreateBody,
  JointPunishmentEntry,
  JointPunishmentFilterQuery,
  JointPunishmentPage,
  JointPunishmentQuery,
  JointPunishmentTransitionBody,
  JointRestrictionBody,
  LifecycleHistory,
} from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import { sendXlsx } from '../../platform/documents/xlsx-export.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { prepareEntryExport } from './joint-punishment-export.ts';
import { EXCHANGE_FORMAT_VERSION, exchangeCsv, exchangeRecords } from './joint-punishment-exchange.ts';
import * as service from './joint-punishment.service.ts';

// Scope and role are checked in the service (out of scope 404; a role that may not act 403).
export function jointPunishmentRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['joint-punishment'];
  const base = '/api/v1/joint-punishment';
  app.get(
    base,
    { schema: { tags, summary: '联合惩戒名单（本地区；企业看本企业）', querystring: JointPunishmentQuery, response: { 200: JointPunishmentPage } } },
    async (req) => service.listEntries(ctx.db, req.actor!, req.query),
  );
  app.get(
    `${base}/export.xlsx`,
    { schema: { tags, summary: '导出联合惩戒名单（xlsx，筛选条件同列表；惩戒措施写成文字）', querystring: JointPunishmentFilterQuery } },
    async (req, reply) => sendXlsx(reply, req.log, await prepareEntryExport(ctx.db, req.actor!, req.query, todayInChina(ctx.clock.now()))),
  );
  app.get(
    `${base}/candidates`,
    { schema: { tags, summary: '联合惩戒候选企业（逾期未完成退出、红牌仍在生产；尚未列入）', response: { 200: JointPunishmentCandidates } } },
    async (req) => service.listCandidates(ctx.db, ctx.clock, req.actor!),
  );
  app.get(
    `${base}/exchange.json`,
    { schema: { tags, summary: '联合惩戒名单交换文件（JSON，按统一社会信用代码；格式见 docs/exchange-format.md）' } },
    async (req, reply) => {
      const records = await exchangeRecords(ctx.db, req.actor!);
      return reply
        .header('content-disposition', 'attachment; filename="joint-punishment.json"')
        .send({ format: 'taotai.joint_punishment', version: EXCHANGE_FORMAT_VERSION, generatedAt: ctx.clock.now().toISOString(), records });
    },
  );
  app.get(
    `${base}/exchange.csv`,
    { schema: { tags, summary: '联合惩戒名单交换文件（CSV，UTF-8；格式见 docs/exchange-format.md）' } },
    async (req, reply) =>
      reply
        .header('content-type', 'text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="joint-punishment.csv"')
        .send(exchangeCsv(await exchangeRecords(ctx.db, req.actor!))),
  );
  app.post(
    base,
    { schema: { tags, summary: '列入联合惩戒名单（领导小组办公室，从候选企业中列入并写明依据）', body: JointPunishmentCreateBody, response: { 201: JointPunishmentEntry } } },
    async (req, reply) => reply.code(201).send(await service.createEntry(ctx.db, ctx.clock, req.actor!, req.body)),
  );
  app.get(
    `${base}/:id`,
    { schema: { tags, summary: '联合惩戒详情（惩戒措施、异议、信用修复）', params: IdParam, response: { 200: JointPunishmentEntry } } },
    async (req) => service.getEntry(ctx.db, req.actor!, req.params.id),
  );
  app.get(
    `${base}/:id/history`,
    { schema: { tags, summary: '联合惩戒的办理履历', params: IdParam, response: { 200: LifecycleHistory } } },
    async (req) => service.entryHistory(ctx.db, req.actor!, req.params.id),
  );
  app.post(
    `${base}/:id/restrictions`,
    { schema: { tags, summary: '成员单位记录本部门实施的惩戒措施（领域、措施、日期、文号）', params: IdParam, body: JointRestrictionBody, response: { 200: JointPunishmentEntry } } },
    async (req) => service.addRestriction(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
  app.post(
    `${base}/:id/transition`,
    { schema: { tags, summary: '企业提出异议、申请信用修复；办公室答复异议、决定信用修复', params: IdParam, body: JointPunishmentTransitionBody, response: { 200: JointPunishmentEntry } } },
    async (req) => service.transitionEntry(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
}
