/** Capacity units of seed 003's attachment; capacities in different units are never added. */
export const CAPACITY_UNITS = [
  { code: 'wan_t', name: '万吨' },
  { code: 'wan_weight_box', name: '万重量箱' },
  { code: 'wan_std_sheet', name: '万标张' },
  { code: 'wan_m', name: '万米' },
  { code: 'wan_kw', name: '万千瓦' },
  { code: 'wan_kvah', name: '万千伏安时' },
];

/** Key industries (002 §一(三), 003 §一) with their unit; offices may add more. */
export const INDUSTRIES: [code: string, name: string, unit: string][] = [
  ['ironmaking', '炼铁', 'wan_t'],
  ['steelmaking', '炼钢', 'wan_t'],
  ['coke', '焦炭', 'wan_t'],
  ['ferroalloy', '铁合金', 'wan_t'],
  ['calcium_carbide', '电石', 'wan_t'],
  ['electrolytic_aluminium', '电解铝', 'wan_t'],
  ['copper_smelting', '铜冶炼', 'wan_t'],
  ['lead_smelting', '铅冶炼', 'wan_t'],
  ['cement', '水泥', 'wan_t'],
  ['flat_glass', '平板玻璃', 'wan_weight_box'],
  ['paper', '造纸', 'wan_t'],
  ['leather', '制革', 'wan_std_sheet'],
  ['dyeing', '印染', 'wan_m'],
  ['chemical_fibre', '化纤', 'wan_t'],
  ['lead_battery', '铅蓄电池', 'wan_kvah'],
  ['alcohol', '酒精', 'wan_t'],
  ['msg', '味精', 'wan_t'],
  ['citric_acid', '柠檬酸', 'wan_t'],
  ['coal', '煤炭', 'wan_t'],
  ['power', '电力', 'wan_kw'],
];

const CAT_2019 = '《产业结构调整指导目录（2019年本）》淘汰类';
const CAT_2011 = '《产业结构调整指导目录（2011年本）（2013年修正）》淘汰类';
const EQUIP_2010 = '《部分工业行业淘汰落后生产工艺装备和产品指导目录（2010年本）》';

/** Real basis entries: catalogue items of the eliminate class and the standards behind the other criteria. */
export const BASIS_ITEMS: [criterion: string, industry: string | null, title: string, source: string][] = [
  ['technology', 'ironmaking', '400立方米及以下炼铁高炉（铸造铁企业除外）', CAT_2011],
  ['technology', 'steelmaking', '30吨及以下炼钢转炉（不含铁合金转炉）', CAT_2011],
  ['technology', 'steelmaking', '30吨及以下炼钢电炉（高合金钢电炉除外）', CAT_2011],
  ['technology', 'coke', '土法炼焦（含改良焦炉）', CAT_2019],
  ['technology', 'coke', '炭化室高度小于4.3米焦炉（3.8米及以上捣固焦炉除外）', CAT_2011],
  ['technology', 'ferroalloy', '单台容量6300千伏安以下铁合金矿热电炉', CAT_2011],
  ['technology', 'calcium_carbide', '单台炉容量小于12500千伏安电石炉及开放式电石炉', CAT_2011],
  ['technology', 'electrolytic_aluminium', '100千安及以下预焙槽铝电解', CAT_2011],
  ['technology', 'copper_smelting', '鼓风炉、电炉、反射炉炼铜工艺及设备', CAT_2011],
  ['technology', 'lead_smelting', '烧结锅、烧结盘、简易高炉等落后方式炼铅工艺及设备', CAT_2011],
  ['technology', 'cement', '水泥机立窑、干法中空窑、立波尔窑、湿法窑', CAT_2019],
  ['technology', 'cement', '直径3米以下水泥粉磨设备（生产特种水泥的除外）', CAT_2019],
  ['technology', 'flat_glass', '平拉工艺平板玻璃生产线（含格法）', CAT_2019],
  ['technology', 'paper', '年产1.7万吨及以下化学草浆生产线', CAT_2011],
  ['technology', 'paper', '单条年生产能力1万吨及以下、以废纸为原料的制浆生产线', CAT_2011],
  ['technology', 'leather', '年加工生皮能力5万标张牛皮以下的制革生产线', CAT_2011],
  ['technology', 'dyeing', '未经改造的74型染整生产线', CAT_2011],
  ['technology', 'chemical_fibre', '湿法氨纶生产工艺', CAT_2019],
  ['technology', 'lead_battery', '开口式普通铅蓄电池生产线', CAT_2011],
  ['technology', 'alcohol', '3万吨/年以下酒精生产线（废糖蜜制酒精除外）', CAT_2011],
  ['technology', 'msg', '3万吨/年以下味精生产线', CAT_2011],
  ['technology', 'citric_acid', '2万吨/年及以下柠檬酸生产线', CAT_2011],
  ['technology', 'coal', '单井井型低于9万吨/年的煤矿', CAT_2019],
  ['technology', 'power', '单机容量5万千瓦及以下的常规小火电机组', CAT_2011],
  ['technology', null, '国家明令淘汰的落后生产工艺装备', EQUIP_2010],
  ['energy', 'cement', 'GB 16780《水泥单位产品能源消耗限额》', '国家强制性能耗限额标准'],
  ['energy', 'steelmaking', 'GB 21256《粗钢生产主要工序单位产品能源消耗限额》', '国家强制性能耗限额标准'],
  ['energy', 'calcium_carbide', 'GB 21343《电石单位产品能源消耗限额》', '国家强制性能耗限额标准'],
  ['energy', 'flat_glass', 'GB 21340《平板玻璃单位产品能源消耗限额》', '国家强制性能耗限额标准'],
  ['environment', 'cement', 'GB 4915《水泥工业大气污染物排放标准》', '国家污染物排放标准'],
  ['environment', 'paper', 'GB 3544《制浆造纸工业水污染物排放标准》', '国家污染物排放标准'],
  ['environment', 'leather', 'GB 30486《制革及毛皮加工工业水污染物排放标准》', '国家污染物排放标准'],
  ['environment', 'dyeing', 'GB 4287《纺织染整工业水污染物排放标准》', '国家污染物排放标准'],
  ['environment', 'coke', 'GB 16171《炼焦化学工业污染物排放标准》', '国家污染物排放标准'],
  ['quality', 'cement', 'GB 175《通用硅酸盐水泥》', '强制性产品标准'],
  ['quality', 'flat_glass', 'GB 11614《平板玻璃》', '产品质量标准'],
  ['safety', null, '《中华人民共和国安全生产法》规定的安全生产条件', '安全生产法律法规'],
  ['safety', 'coal', '《煤矿安全规程》', '安全生产法律法规'],
];
