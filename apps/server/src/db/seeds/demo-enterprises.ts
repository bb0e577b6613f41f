import { and, eq, inArray } from 'drizzle-orm';
import { CRITERIA, SIZE_CLASSES } from '@taotai/shared';
import { recordAudit, systemSubject } from '../../platform/audit/audit.ts';
import type { Clock } from '../../platform/clock.ts';
import { ancestryOf } from '../../modules/region/index.ts';
import type { Db } from '../client.ts';
import { basisItem, enterprise, industry, line, region } from '../schema/index.ts';
import { NAME_WORDS, prng, syntheticUscc } from './random.ts';

/** Specification and capacity range per industry, so demo lines look like the real thing. */
const LINE_SHAPES: Record<string, { name: string; spec: string[]; cap: [number, number] }> = {
  cement: { name: '机立窑生产线', spec: ['Φ3×11m 机立窑', 'Φ2.5×10m 机立窑', 'Φ2.2m 水泥磨'], cap: [5, 30] },
  flat_glass: { name: '平拉工艺生产线', spec: ['平拉 4机', '格法 6机'], cap: [20, 90] },
  paper: { name: '草浆生产线', spec: ['1.7万吨/年以下', '1092 长网纸机'], cap: [0.5, 3] },
  leather: { name: '制革生产线', spec: ['转鼓 Φ3m'], cap: [3, 10] },
  dyeing: { name: '74型染整生产线', spec: ['74型'], cap: [500, 3000] },
  ironmaking: { name: '炼铁高炉', spec: ['300m³ 高炉', '128m³ 高炉'], cap: [10, 40] },
  steelmaking: { name: '炼钢转炉', spec: ['20t 转炉', '15t 电炉'], cap: [10, 50] },
  coke: { name: '焦炉', spec: ['炭化室高3.2m'], cap: [10, 40] },
  ferroalloy: { name: '矿热电炉', spec: ['3200kVA', '5000kVA'], cap: [0.5, 3] },
  calcium_carbide: { name: '开放式电石炉', spec: ['6300kVA'], cap: [1, 5] },
  lead_battery: { name: '开口式铅蓄电池生产线', spec: ['手工灌粉'], cap: [5, 30] },
  power: { name: '小火电机组', spec: ['1.2万千瓦 燃煤机组', '2.5万千瓦 燃煤机组'], cap: [1.2, 5] },
  coal: { name: '小煤矿', spec: ['单井 6万吨/年'], cap: [3, 9] },
  alcohol: { name: '酒精生产线', spec: ['2万吨/年'], cap: [1, 3] },
};

const round = (x: number) => Math.round(x * 100) / 100;

/** Fictitious enterprises ("示例" in every name) with backward lines, mostly in 巩义 and 荥阳. */
export async function seedDemoEnterprises(db: Db, clock: Clock, total: number): Promise<{ firstGongyiEnterpriseId: number }> {
  const rnd = prng(20260930);
  const now = clock.now();
  const townships = await db
    .select()
    .from(region)
    .where(and(eq(region.provinceCode, '410000'), inArray(region.level, ['township', 'park'])));
  const gy = townships.filter((t) => t.countyCode === '410181');
  const xy = townships.filter((t) => t.countyCode === '410182');
  const rest = townships.filter((t) => t.countyCode !== '410181' && t.countyCode !== '410182' && t.level === 'township');
  const industries = await db.select().from(industry);
  const shaped = industries.filter((i) => LINE_SHAPES[i.code]);
  const bases = await db.select().from(basisItem);

  const plan = Array.from({ length: total }, (_, i) => (i < total * 0.4 ? gy : i < total * 0.67 ? xy : rest));
  let firstGongyi = 0;
  await db.transaction(async (tx) => {
    for (let i = 0; i < plan.length; i++) {
      const t = rnd.pick(plan[i]!);
      const anc = ancestryOf(t);
      const ind = rnd.pick(shaped);
      const shape = LINE_SHAPES[ind.code]!;
      const county = t.fullName.split(' / ').at(-2) ?? '';
      const lineCount = rnd.int(1, 3);
      const criteria = Array.from({ length: lineCount }, () => (rnd.next() < 0.6 ? 'technology' : rnd.pick(CRITERIA)));
      const [e] = await tx
        .insert(enterprise)
        .values({
          uscc: syntheticUscc((anc.countyCode ?? anc.prefectureCode ?? anc.provinceCode).slice(0, 6), 1000 + i),
          name: `${county}${rnd.pick(NAME_WORDS)}${ind.name}示例有限公司${i + 1}号`,
          regionCode: t.code,
          provinceCode: anc.provinceCode,
          prefectureCode: anc.prefectureCode,
          countyCode: anc.countyCode,
          townshipCode: anc.townshipCode,
          industryCode: ind.code,
          address: `${t.fullName.replaceAll(' / ', '')}示例路${rnd.int(1, 300)}号`,
          legalRepresentative: `示例法人${i + 1}`,
          contactPerson: `联系人${i + 1}`,
          contactPhone: `0371-6${String(1000000 + i).slice(1)}`,
          employees: rnd.int(20, 800),
          sizeClass: rnd.pick(SIZE_CLASSES),
          criteriaMask: criteria.reduce((m, c) => m | (1 << CRITERIA.indexOf(c as never)), 0),
          lineCount,
          createdAt: now,
          updatedAt: now,
        })
        .returning({ id: enterprise.id });
      if (!firstGongyi && anc.countyCode === '410181') firstGongyi = e!.id;
      await tx.insert(line).values(
        criteria.map((criterion, k) => {
          const basis = bases.find((b) => b.criterion === criterion && (b.industryCode === ind.code || b.industryCode === null));
          return {
            enterpriseId: e!.id,
            name: `${k + 1}号${shape.name}`,
            specification: rnd.pick(shape.spec),
            quantity: 1,
            capacity: String(round(shape.cap[0] + rnd.next() * (shape.cap[1] - shape.cap[0]))),
            capacityUnit: ind.unitCode,
            industryCode: ind.code,
            criterion,
            basisItemId: basis?.id ?? null,
            basisText: basis ? '' : '地方标准',
            commissioningYear: rnd.int(1995, 2012),
            plannedExitDate: `2026-${String(rnd.int(6, 11)).padStart(2, '0')}-30`,
            createdAt: now,
            updatedAt: now,
          };
        }),
      );
    }
    await recordAudit(tx, systemSubject('seed'), now, { action: 'enterprise.seed_demo', entityType: 'enterprise', after: { enterprises: total } });
  });
  return { firstGongyiEnterpriseId: firstGongyi };
}
