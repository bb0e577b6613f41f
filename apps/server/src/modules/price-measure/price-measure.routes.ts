import { IdParam, LifecycleHistory, PriceDelivery, PriceDeliveryCreateBody, PriceDeliveryFilterQuery, PriceDeliveryPage, PriceDeliveryQuery, PriceDeliveryTransitionBody } from '@taotai/shared';
import type { AppContext } from '../../app-context.ts';
import { todayInChina } from '../../platform/calendar/today.ts';
import { sendXlsx } from '../../platform/documents/xlsx-export.ts';
import type { TypedApp } from '../../platform/http/typed-app.ts';
import { prepareDeliveryExport } from './price-measure-export.ts';
import * as service from './price-measure.service.ts';

// Scope and role are checked in the service (out of scope 404; not the recipient 403).
export function priceMeasureRoutes(app: TypedApp, ctx: AppContext): void {
  const tags = ['price-measure'];
  const base = '/api/v1/price-measures';
  app.get(
    base,
    { schema: { tags, summary: '价格、信贷措施送达（接收单位的收件箱；办公室看本地区，可筛选逾期未签收、未执行）', querystring: PriceDeliveryQuery, response: { 200: PriceDeliveryPage } } },
    async (req) => service.listDeliveries(ctx.db, ctx.clock, req.actor!, req.query),
  );
  app.get(
    `${base}/export.xlsx`,
    { schema: { tags, summary: '导出价格、信贷措施（xlsx，筛选条件同列表）', querystring: PriceDeliveryFilterQuery } },
    async (req, reply) => sendXlsx(reply, req.log, await prepareDeliveryExport(ctx.db, ctx.clock, req.actor!, req.query, todayInChina(ctx.clock.now()))),
  );
  app.post(
    base,
    { schema: { tags, summary: '将列入黄牌、红牌的企业送达供电、价格主管部门或人民银行执行差别电价、水价或信贷限制', body: PriceDeliveryCreateBody, response: { 201: PriceDelivery } } },
    async (req, reply) => reply.code(201).send(await service.sendDelivery(ctx.db, ctx.clock, req.actor!, req.body)),
  );
  app.get(
    `${base}/:id`,
    { schema: { tags, summary: '价格、信贷措施送达详情', params: IdParam, response: { 200: PriceDelivery } } },
    async (req) => service.getDelivery(ctx.db, ctx.clock, req.actor!, req.params.id),
  );
  app.get(
    `${base}/:id/history`,
    { schema: { tags, summary: '价格、信贷措施的办理履历', params: IdParam, response: { 200: LifecycleHistory } } },
    async (req) => service.deliveryHistory(ctx.db, req.actor!, req.params.id),
  );
  app.post(
    `${base}/:id/transition`,
    { schema: { tags, summary: '接收单位签收、执行（措施和执行日期）或解除（日期和原因）', params: IdParam, body: PriceDeliveryTransitionBody, response: { 200: PriceDelivery } } },
    async (req) => service.transitionDelivery(ctx.db, ctx.clock, req.actor!, req.params.id, req.body),
  );
}
