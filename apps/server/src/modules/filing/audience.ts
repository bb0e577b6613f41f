import type { AudienceInput } from '@taotai/shared';
import type { Db } from '../../db/client.ts';
import { invalid } from '../../platform/errors.ts';
import type { RegionRow } from '../region/index.ts';
import { reportingRepository } from '../reporting/index.ts';
import type { TargetInsert } from './requirement.repository.ts';
import { requirementRepository } from './requirement.repository.ts';

type NewTarget = Omit<TargetInsert, 'requirementId'>;

/**
 * The expected filers of a requirement issued by `issuer`. "All regions one level down" follows the
 * reporting relation: a province's list includes its directly-administered counties, a prefecture's
 * list leaves them out (they file to the province).
 */
export async function expectedFilers(db: Db, issuer: RegionRow, audience: AudienceInput): Promise<NewTarget[]> {
  switch (audience.mode) {
    case 'child_regions': {
      const kids = await reportingRepository.children(db, issuer.code);
      if (kids.length === 0) throw invalid(`${issuer.name}没有下一级区划`, [{ path: 'audience', message: '没有下一级区划' }]);
      return kids.map((r) => ({ regionCode: r.code, agencyId: null, filerRegionCode: r.code, name: r.name }));
    }
    case 'selected_regions': {
      const codes = [...new Set(audience.regionCodes)];
      const out: NewTarget[] = [];
      for (const [i, code] of codes.entries()) {
        const chain = await reportingRepository.chain(db, code);
        const self = chain[0];
        const path = `audience.regionCodes.${i}`;
        if (!self) throw invalid(`区划“${code}”不存在`, [{ path, message: '区划不存在' }]);
        if (!chain.slice(1).some((r) => r.code === issuer.code)) {
          const message = self.directlyAdministered && self.level === 'county' && self.prefectureCode === issuer.code
            ? `${self.name}为省直管县，向省级报送，不能由${issuer.name}下达`
            : `${self.name}不是${issuer.name}的下级区划`;
          throw invalid(message, [{ path, message }]);
        }
        out.push({ regionCode: self.code, agencyId: null, filerRegionCode: self.code, name: self.name });
      }
      return out;
    }
    case 'member_agencies': {
      const members = await requirementRepository.memberAgencies(db, issuer.code);
      if (members.length === 0) throw invalid(`${issuer.name}领导小组尚无成员单位`, [{ path: 'audience', message: '没有成员单位' }]);
      const chosen = audience.agencyIds ? [...new Set(audience.agencyIds)] : members.map((m) => m.id);
      return chosen.map((id, i) => {
        const m = members.find((x) => x.id === id);
        if (!m) throw invalid(`第${i + 1}个单位不是${issuer.name}领导小组的成员单位`, [{ path: `audience.agencyIds.${i}`, message: '不是成员单位' }]);
        return { regionCode: null, agencyId: m.id, filerRegionCode: m.regionCode, name: m.name };
      });
    }
  }
}
