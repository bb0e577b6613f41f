import { enterpriseBody, lineBody } from '../enterprise-fixtures.ts';
import { evidenceForm, JPEG, PDF } from '../exit-task-fixtures.ts';
import type { OwnerRecords } from './scope-fixtures.ts';

/** A write by id: its path parameters from an owner region's records, and a body valid in shape. */
export interface WriteRoute {
  params(rec: OwnerRecords): Record<string, string | number> | null;
  body?(rec: OwnerRecords): unknown;
  /** Multipart uploads: payload and content-type header. */
  form?: () => { payload: Buffer; headers: Record<string, string> };
  query?: string;
  /** Regions whose scope may write or read it (default: the owner region). */
  regions?(rec: OwnerRecords): string[];
  /** Reporting-tree records: an office above in the administrative tree may be told 404 too. */
  reporting?: boolean;
  /** Lower levels read it (and file on it), so for them a write is 403 or, for a filing, allowed: not probed. */
  readDown?: boolean;
}

const V = 1;
const ent = (r: OwnerRecords) => [r.enterpriseRegion];
const scan = () => evidenceForm('signed_scan', PDF, '扫描件.pdf');
const checklist = { equipmentDismantled: true, powerCut: true, destinationDocumented: true, workersPlaced: true };

/**
 * Every POST/PUT/DELETE route with a path parameter. Bodies are valid in shape, so what decides the
 * answer is the scope (an invalid body would be refused before the record is looked up).
 */
export const WRITE_ROUTES: Record<string, WriteRoute> = {
  'PUT /api/v1/office-settings/{code}': { params: (r) => ({ code: r.region }), body: () => ({ letterhead: '越权修改版头', numberPrefix: '越权', signingOrgan: '越权修改落款', version: 0 }) },
  'PUT /api/v1/enterprises/{id}': { params: (r) => ({ id: r.enterpriseId }), regions: ent, body: (r) => ({ ...enterpriseBody({ regionCode: '410181100' }), name: `越权${r.region}`, version: V }) },
  'POST /api/v1/enterprises/{id}/lines': { params: (r) => ({ id: r.enterpriseId }), regions: ent, body: () => lineBody() },
  'PUT /api/v1/lines/{id}': { params: (r) => ({ id: r.lineId }), regions: ent, body: () => ({ ...lineBody(), version: V }) },
  'DELETE /api/v1/lines/{id}': { params: (r) => ({ id: r.lineId }), regions: ent, query: `version=${V}` },
  'PUT /api/v1/users/{id}': { params: (r) => ({ id: r.userId }), body: () => ({ displayName: '越权修改', disabled: true }) },
  'PUT /api/v1/targets/{id}': { params: (r) => ({ id: r.targetId }), body: () => ({ quantity: 1, enterpriseCount: 1, deadline: '2026-12-31', version: V }) },
  'DELETE /api/v1/targets/{id}': { params: (r) => ({ id: r.targetId }), query: `version=${V}` },
  'PUT /api/v1/targets/{id}/allocations': { params: (r) => ({ id: r.targetId }), body: () => ({ version: V, items: [] }) },
  'PUT /api/v1/targets/{id}/lines': { params: (r) => ({ id: r.targetId }), body: () => ({ version: V, items: [] }) },
  'POST /api/v1/targets/{id}/transitions': { params: (r) => ({ id: r.targetId }), body: () => ({ event: 'return', reason: '越权退回' }) },
  'PUT /api/v1/elimination-plans/{id}': { params: (r) => ({ id: r.planId }), body: () => ({ title: '越权修改计划', version: V }) },
  'DELETE /api/v1/elimination-plans/{id}': { params: (r) => ({ id: r.planId }), query: `version=${V}` },
  'POST /api/v1/elimination-plans/{id}/lines': { params: (r) => ({ id: r.planId }), body: (r) => ({ version: V, items: [{ lineId: r.lineId }] }) },
  'PUT /api/v1/elimination-plans/{id}/lines/{lineId}': { params: (r) => ({ id: r.planId, lineId: r.planLineId }), body: () => ({ version: V, exitDeadline: '2026-12-31' }) },
  'DELETE /api/v1/elimination-plans/{id}/lines/{lineId}': { params: (r) => ({ id: r.planId, lineId: r.planLineId }), query: `version=${V}` },
  'POST /api/v1/elimination-plans/{id}/transitions': { params: (r) => ({ id: r.planId }), body: () => ({ event: 'return', reason: '越权退回' }) },
  'PUT /api/v1/responsibility-letters/{id}': { params: (r) => ({ id: r.letterId }), regions: (r) => r.letterRegions, body: () => ({ obligations: '越权修改', version: V }) },
  'DELETE /api/v1/responsibility-letters/{id}': { params: (r) => ({ id: r.letterId }), regions: (r) => r.letterRegions, query: `version=${V}` },
  'POST /api/v1/responsibility-letters/{id}/signed-scan': { params: (r) => ({ id: r.letterId }), regions: (r) => r.letterRegions, form: scan },
  'PUT /api/v1/work-plans/{id}': {
    params: (r) => ({ id: r.workPlanId }),
    readDown: true,
    body: () => ({ version: V, title: '越权修改方案', phases: [{ name: '越权阶段', startDate: '2026-03-02', endDate: '2026-06-30' }] }),
  },
  'PUT /api/v1/filing-requirements/{id}': {
    params: (r) => ({ id: r.requirementId }),
    reporting: true,
    readDown: true,
    body: () => ({ title: '越权修改要求', due: { mode: 'fixed', date: '2026-04-20' }, requiredFields: [], version: V }),
  },
  'POST /api/v1/filing-requirements/{id}/filings': { params: (r) => ({ id: r.requirementId }), reporting: true, readDown: true, body: () => ({ values: { contact: '越权', phone: '1' } }) },
  'POST /api/v1/filings/{id}/receive': { params: (r) => (r.filingId ? { id: r.filingId } : null), reporting: true },
  'POST /api/v1/filings/{id}/accept': { params: (r) => (r.filingId ? { id: r.filingId } : null), reporting: true },
  'POST /api/v1/filings/{id}/return': { params: (r) => (r.filingId ? { id: r.filingId } : null), reporting: true, body: () => ({ reason: '越权退回' }) },
  'POST /api/v1/filings/{id}/resubmit': { params: (r) => (r.filingId ? { id: r.filingId } : null), reporting: true, body: () => ({}) },
  'POST /api/v1/survey-filings/{id}/resubmit': {
    params: (r) => (r.surveyFilingId ? { id: r.surveyFilingId } : null),
    reporting: true,
    body: () => ({ zeroReport: true, statement: '越权重新报送说明' }),
  },
  'POST /api/v1/survey-filings/{id}/verifications': {
    params: (r) => (r.surveyFilingId ? { id: r.surveyFilingId } : null),
    reporting: true,
    body: () => ({ items: [{ surveyLineId: 1, result: 'confirmed' }] }),
  },
  'POST /api/v1/exit-tasks/from-plan/{planId}': { params: (r) => ({ planId: r.planId }) },
  'POST /api/v1/exit-tasks/{id}/transitions': { params: (r) => ({ id: r.taskId }), regions: ent, body: () => ({ event: 'close', payload: { reason: '越权关闭' } }) },
  'POST /api/v1/exit-tasks/{id}/evidence': { params: (r) => ({ id: r.taskId }), regions: ent, form: () => evidenceForm('photo_before', JPEG, 'x.jpg') },
  'PUT /api/v1/inspections/{id}': { params: (r) => ({ id: r.roundId }), body: () => ({ title: '越权修改', year: 2026, startDate: '2026-03-02', team: [], version: V }) },
  'POST /api/v1/inspections/{id}/transitions': { params: (r) => ({ id: r.roundId }), body: () => ({ event: 'start', version: V }) },
  'POST /api/v1/inspections/{id}/records': { params: (r) => ({ id: r.roundId }), body: (r) => ({ enterpriseIds: [r.enterpriseId] }) },
  'DELETE /api/v1/inspections/{id}/records/{recordId}': { params: (r) => ({ id: r.roundId, recordId: r.recordId }), query: `version=${V}` },
  'POST /api/v1/inspections/{id}/records/{recordId}/conclusion': {
    params: (r) => ({ id: r.roundId, recordId: r.recordId }),
    body: () => ({ ...checklist, version: V, notes: '', inspectedOn: '2026-03-02', conclusion: 'pass' }),
  },
  'POST /api/v1/inspections/{id}/records/{recordId}/opinion.docx': { params: (r) => ({ id: r.roundId, recordId: r.recordId }), body: () => ({}) },
  'POST /api/v1/inspections/{id}/opinions.zip': { params: (r) => ({ id: r.roundId }), body: () => ({}) },
  'POST /api/v1/inspections/{id}/records/{recordId}/signed-scan': { params: (r) => ({ id: r.roundId, recordId: r.recordId }), form: scan },
  'PUT /api/v1/announcements/{id}': { params: (r) => ({ id: r.announcementId }), body: () => ({ title: '越权修改公告', body: '越权', form: 'public_notice', version: V }) },
  'POST /api/v1/announcements/{id}/transitions': { params: (r) => ({ id: r.announcementId }), body: () => ({ event: 'submit' }) },
  'POST /api/v1/announcements/{id}/objections/{objectionId}/answer': {
    params: (r) => ({ id: r.announcementId, objectionId: 1 }),
    body: () => ({ answer: '越权答复内容', version: V }),
  },
  'POST /api/v1/announcements/{id}/objections/{objectionId}/reveal-phone': { params: (r) => ({ id: r.announcementId, objectionId: 1 }), body: () => ({ reason: '越权查看' }) },
  'POST /api/v1/tips/{id}/transition': { params: (r) => ({ id: r.tipId }), body: () => ({ event: 'accept', version: V }) },
  'POST /api/v1/tips/{id}/checks': { params: (r) => ({ id: r.tipId }), form: scan },
  'POST /api/v1/tips/{id}/messages': { params: (r) => ({ id: r.tipId }), body: () => ({ body: '越权留言' }) },
  'POST /api/v1/tips/{id}/links': { params: (r) => ({ id: r.tipId }), body: () => ({ kind: 'concealment' }) },
  'POST /api/v1/tips/{id}/identity/reveal': { params: (r) => ({ id: r.tipId }), body: () => ({ reason: '越权查看' }) },
  'POST /api/v1/cases/{id}/transition': { params: (r) => ({ id: r.caseId }), regions: ent, body: () => ({ event: 'withdraw', reason: '越权撤销' }) },
  'POST /api/v1/cases/{id}/files': { params: (r) => ({ id: r.caseId }), regions: ent, form: scan },
  'POST /api/v1/cases/{id}/extension-requests': { params: (r) => ({ id: r.caseId }), regions: ent, body: () => ({ months: 1, reason: '越权申请' }) },
  'POST /api/v1/cases/{id}/extension-requests/{requestId}/transition': { params: (r) => ({ id: r.caseId, requestId: 1 }), regions: ent, body: () => ({ event: 'grant' }) },
  'POST /api/v1/cases/{id}/reinspections': {
    params: (r) => ({ id: r.caseId }),
    regions: ent,
    body: () => ({ inspectedOn: '2026-03-01', inspectors: '越权', findings: '越权', result: 'passed' }),
  },
};
