import type { NoticePeriod, PublicAnnouncementClosing } from '@taotai/shared';
import { chineseDate } from '../../platform/documents/official/official-document.ts';
import type { EffectiveOfficeSettings } from '../office-settings/index.ts';
import type { AnnouncementView } from './announcement.repository.ts';

/** Where objections can go besides the form: the office by phone, in writing at its address, or by e-mail. */
function channels(s: EffectiveOfficeSettings): string {
  const ways = [s.phone && `电话：${s.phone}`, s.address && `地址：${s.address}`, s.email && `电子邮箱：${s.email}`, s.contactPerson && `联系人：${s.contactPerson}`].filter(Boolean);
  return ways.length ? `，或向${s.signingOrgan}反映（${ways.join('；')}）` : `，或以书面形式向${s.signingOrgan}反映`;
}

/**
 * 落款 (the issuing office as it signs, the publication date), 公示期 from–to and how to object (issue 11: the 公示
 * invites objections "实名或留下联系电话", so it names where they go). The office's settings are read live: a
 * changed phone number shows on every 公示 still open.
 */
export function closingOf(a: AnnouncementView, notice: NoticePeriod | null, s: EffectiveOfficeSettings): PublicAnnouncementClosing {
  const from = a.publishDate ?? null;
  const to = notice?.endDate ?? a.noticeEndDate ?? null;
  const howToObject =
    a.form === 'public_notice' && from && to
      ? `公示期为${chineseDate(from)}至${chineseDate(to)}。公示期间，任何单位和个人对公示内容有异议的，可在本页“提出异议”中实名或留下联系电话提交${channels(s)}。`
      : null;
  return {
    issuer: s.signingOrgan,
    date: from ?? '',
    noticeFrom: a.form === 'public_notice' ? from : null,
    noticeTo: a.form === 'public_notice' ? to : null,
    contact: { contactPerson: s.contactPerson, phone: s.phone, address: s.address, email: s.email },
    howToObject,
  };
}
