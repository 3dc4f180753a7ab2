import { index, integer, sqliteTable, text, type AnySQLiteColumn } from "drizzle-orm/sqlite-core";
import type { CategoryId, Issue } from "../../core/scoring/issues";
import type { Area, Group, Topic } from "../../core/schemes/types";
import { AREAS, SOURCES, STATUSES } from "../../core/schemes/types";

/**
 * The schemes catalogue (SPEC §8). Besides the JSON tag columns it stores two values derived from
 * them by `core/schemes/tags.ts` on every write: `tag_mask`, the tags as bits for ranking and
 * filtering, and `search_tags`, words that triggers copy into the full-text index `schemes_fts`
 * (created, with those triggers and the seed rows, by the custom migration `schemes_search`).
 */
export const schemes = sqliteTable(
  "schemes",
  {
    /** Row id of the full-text index. An INTEGER PRIMARY KEY, so VACUUM cannot renumber it. */
    seq: integer("seq").primaryKey(),
    id: text("id").notNull().unique(),
    name: text("name").notNull(),
    ministry: text("ministry").notNull(),
    objective: text("objective").notNull(),
    links: text("links", { mode: "json" }).$type<string[]>().notNull().default([]),
    categories: text("categories", { mode: "json" }).$type<CategoryId[]>().notNull().default([]),
    issues: text("issues", { mode: "json" }).$type<Issue[]>().notNull().default([]),
    topics: text("topics", { mode: "json" }).$type<Topic[]>().notNull().default([]),
    groups: text("groups", { mode: "json" }).$type<Group[]>().notNull().default([]),
    areas: text("areas", { mode: "json" }).$type<Area[]>().notNull().default([]),
    tagMask: integer("tag_mask").notNull().default(0),
    searchTags: text("search_tags").notNull(),
    status: text("status", { enum: STATUSES }).notNull(),
    successorId: text("successor_id").references((): AnySQLiteColumn => schemes.id),
    statusNote: text("status_note"),
    source: text("source", { enum: SOURCES }).notNull(),
    createdAt: text("created_at").notNull(),
    updatedAt: text("updated_at").notNull(),
    /** Set when an admin withdraws an entry: kept for history and successors, left out of searches. */
    retiredAt: text("retired_at"),
  },
  (t) => [
    index("schemes_ministry_idx").on(t.ministry),
    index("schemes_successor_idx").on(t.successorId),
    // Covers what ranking reads for every full-text match, so those lookups stay in a small index
    // instead of paging through whole rows with their long objectives.
    index("schemes_rank_idx").on(t.seq, t.tagMask, t.status, t.retiredAt),
  ],
);

/** The BR activities of the guide's Annex IV; `position` keeps the guide's order. */
export const brActivities = sqliteTable("br_activities", {
  id: text("id").primaryKey(),
  position: integer("position").notNull(),
  area: text("area", { enum: AREAS }).notNull(),
  description: text("description").notNull(),
  issues: text("issues", { mode: "json" }).$type<Issue[]>().notNull().default([]),
  groups: text("groups", { mode: "json" }).$type<Group[]>().notNull().default([]),
});

export type SchemeRow = typeof schemes.$inferSelect;
export type BrActivityRow = typeof brActivities.$inferSelect;
