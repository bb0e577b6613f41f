import { boolean, index, integer, pgTable, serial, text, uniqueIndex } from 'drizzle-orm/pg-core';

/**
 * GB/T 2260 regions down to township, plus industrial parks (code `P` + digits) under a county.
 * The ancestor codes are denormalised so that scope filters on large tables are one equality.
 */
export const region = pgTable(
  'region',
  {
    code: text('code').primaryKey(),
    name: text('name').notNull(),
    parentCode: text('parent_code'),
    level: text('level').notNull(),
    /** 省直管县: reports straight to the province although its administrative parent is a prefecture. */
    directlyAdministered: boolean('directly_administered').notNull().default(false),
    provinceCode: text('province_code').notNull(),
    prefectureCode: text('prefecture_code'),
    countyCode: text('county_code'),
    depth: integer('depth').notNull(),
    fullName: text('full_name').notNull(),
  },
  (t) => [index('region_parent_idx').on(t.parentCode, t.code), index('region_name_idx').on(t.name)],
);

export const agency = pgTable(
  'agency',
  {
    id: serial('id').primaryKey(),
    regionCode: text('region_code').notNull(),
    kind: text('kind').notNull(),
    name: text('name').notNull(),
    isGroupOffice: boolean('is_group_office').notNull().default(false),
  },
  (t) => [uniqueIndex('agency_region_kind_uq').on(t.regionCode, t.kind)],
);

export const leadingGroup = pgTable('leading_group', {
  id: serial('id').primaryKey(),
  regionCode: text('region_code').notNull().unique(),
  name: text('name').notNull(),
  officeAgencyId: integer('office_agency_id'),
});

export const leadingGroupMember = pgTable(
  'leading_group_member',
  {
    id: serial('id').primaryKey(),
    groupId: integer('group_id').notNull(),
    agencyId: integer('agency_id').notNull(),
    role: text('role').notNull(),
    personName: text('person_name').notNull(),
    personTitle: text('person_title').notNull(),
  },
  (t) => [uniqueIndex('leading_group_member_uq').on(t.groupId, t.agencyId)],
);
