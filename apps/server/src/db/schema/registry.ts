import {
  bigint,
  boolean,
  date,
  index,
  integer,
  numeric,
  pgTable,
  serial,
  text,
  timestamp,
  uniqueIndex,
} from 'drizzle-orm/pg-core';

export const capacityUnit = pgTable('capacity_unit', {
  code: text('code').primaryKey(),
  name: text('name').notNull().unique(),
});

export const industry = pgTable('industry', {
  code: text('code').primaryKey(),
  name: text('name').notNull().unique(),
  unitCode: text('unit_code').notNull(),
  isKey: boolean('is_key').notNull().default(false),
  sortOrder: integer('sort_order').notNull().default(100),
});

/** 判定依据: a standard or a catalogue item (e.g. 《产业结构调整指导目录》淘汰类). */
export const basisItem = pgTable('basis_item', {
  id: serial('id').primaryKey(),
  criterion: text('criterion').notNull(),
  industryCode: text('industry_code'),
  title: text('title').notNull(),
  source: text('source').notNull(),
  active: boolean('active').notNull().default(true),
});

/**
 * Enterprises carry their region's ancestor codes so a scope filter is one indexed equality
 * and keyset pagination walks (scope column, id) without sorting.
 */
export const enterprise = pgTable(
  'enterprise',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    uscc: text('uscc').notNull(),
    name: text('name').notNull(),
    regionCode: text('region_code').notNull(),
    provinceCode: text('province_code').notNull(),
    prefectureCode: text('prefecture_code'),
    countyCode: text('county_code'),
    townshipCode: text('township_code'),
    industryCode: text('industry_code').notNull(),
    address: text('address').notNull().default(''),
    legalRepresentative: text('legal_representative').notNull().default(''),
    contactPerson: text('contact_person').notNull().default(''),
    contactPhone: text('contact_phone').notNull().default(''),
    employees: integer('employees'),
    sizeClass: text('size_class'),
    status: text('status').notNull().default('operating'),
    /** Bit set of the criteria its lines fail (1 energy, 2 environment, 4 quality, 8 safety, 16 technology). */
    criteriaMask: integer('criteria_mask').notNull().default(0),
    lineCount: integer('line_count').notNull().default(0),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [
    uniqueIndex('enterprise_uscc_uq').on(t.uscc),
    index('enterprise_province_id_idx').on(t.provinceCode, t.id),
    index('enterprise_prefecture_id_idx').on(t.prefectureCode, t.id),
    index('enterprise_county_id_idx').on(t.countyCode, t.id),
    index('enterprise_region_id_idx').on(t.regionCode, t.id),
    // Name and last-updated sorts over a province or prefecture walk these instead of sorting 10⁵ rows.
    index('enterprise_province_name_idx').on(t.provinceCode, t.name, t.id),
    index('enterprise_prefecture_name_idx').on(t.prefectureCode, t.name, t.id),
    index('enterprise_county_name_idx').on(t.countyCode, t.name, t.id),
    index('enterprise_province_updated_idx').on(t.provinceCode, t.updatedAt, t.id),
    index('enterprise_prefecture_updated_idx').on(t.prefectureCode, t.updatedAt, t.id),
  ],
);

export const line = pgTable(
  'line',
  {
    id: bigint('id', { mode: 'number' }).primaryKey().generatedByDefaultAsIdentity(),
    enterpriseId: bigint('enterprise_id', { mode: 'number' }).notNull(),
    name: text('name').notNull(),
    specification: text('specification').notNull().default(''),
    quantity: integer('quantity').notNull().default(1),
    capacity: numeric('capacity', { precision: 14, scale: 4 }).notNull(),
    capacityUnit: text('capacity_unit').notNull(),
    industryCode: text('industry_code').notNull(),
    criterion: text('criterion').notNull(),
    basisItemId: integer('basis_item_id'),
    basisText: text('basis_text').notNull().default(''),
    commissioningYear: integer('commissioning_year'),
    plannedExitDate: date('planned_exit_date', { mode: 'string' }),
    status: text('status').notNull().default('registered'),
    note: text('note').notNull().default(''),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'date' }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
  },
  (t) => [index('line_enterprise_idx').on(t.enterpriseId, t.id)],
);

/** One committed survey-form import; the audit entry points here. */
export const surveyImport = pgTable('survey_import', {
  id: serial('id').primaryKey(),
  fileName: text('file_name').notNull(),
  fileSha256: text('file_sha256').notNull(),
  title: text('title'),
  regionCode: text('region_code').notNull(),
  importedBy: integer('imported_by').notNull(),
  importedAt: timestamp('imported_at', { withTimezone: true, mode: 'date' }).notNull(),
  rowCount: integer('row_count').notNull(),
  enterprisesCreated: integer('enterprises_created').notNull(),
  linesCreated: integer('lines_created').notNull(),
});
