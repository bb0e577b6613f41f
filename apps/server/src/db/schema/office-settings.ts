import { integer, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * How a region office's documents are headed and signed (issue 11 "Official documents": offices edit their own
 * 版头, 落款 and contact lines in settings, without a release). One row per region, edited by that region's group
 * office; absent until first saved, when documents use the defaults derived from the leading group's name.
 */
export const officeDocumentSetting = pgTable('office_document_setting', {
  regionCode: text('region_code').primaryKey(),
  /** 版头: the issuing organ's line (发文机关标志), e.g. 巩义市淘汰落后产能工作领导小组办公室. */
  letterhead: text('letterhead').notNull(),
  /** 发文字号's 机关代字, e.g. 巩淘汰办 (the number becomes 巩淘汰办〔2026〕3号). */
  numberPrefix: text('number_prefix').notNull(),
  /** 落款: the signing organ's name over the date. */
  signingOrgan: text('signing_organ').notNull(),
  contactPerson: text('contact_person').notNull().default(''),
  phone: text('phone').notNull().default(''),
  address: text('address').notNull().default(''),
  email: text('email').notNull().default(''),
  /** Default 抄送 of the office's documents. */
  copyTo: jsonb('copy_to').$type<string[]>().notNull().default([]),
  version: integer('version').notNull().default(1),
  updatedBy: integer('updated_by'),
  updatedAt: timestamp('updated_at', { withTimezone: true, mode: 'date' }).notNull(),
});
