import type { CategoryId, Issue } from "../scoring/issues";

/**
 * The vocabularies a scheme or a BR activity is described with (SPEC §8). Ids are stable: they
 * are stored, filtered on and used as i18n keys (`schemes:groups.women`).
 */

/** Who a scheme is meant for. */
export const GROUPS = [
  "women",
  "children",
  "sc_st_obc",
  "disabled",
  "elderly",
  "youth",
  "minorities",
  "north_east",
  "artisans",
  "msmes",
  "workers",
] as const;
export type Group = (typeof GROUPS)[number];

/** The activity areas of the guide's Annex IV, in the order it lists them. */
export const AREAS = [
  "socio_economic",
  "labour_welfare",
  "health_care",
  "education",
  "women_children",
  "environment",
  "energy",
  "generic_social",
  "weaker_sections",
] as const;
export type Area = (typeof AREAS)[number];

/**
 * Kinds of support that people ask for by name ("a loan", "insurance") but that are neither an
 * issue of the score card nor a beneficiary group.
 */
export const TOPICS = ["credit", "insurance", "pension", "housing", "skills", "education", "childcare", "waste"] as const;
export type Topic = (typeof TOPICS)[number];

export const STATUSES = ["active", "merged", "closed", "unknown"] as const;
export type SchemeStatus = (typeof STATUSES)[number];

/**
 * Where a catalogue entry comes from: the guide's Annex I, the schemes its Section I §10 names, current
 * schemes recorded as facts (MSME support and the present successors of the guide's schemes), or an
 * admin's own entry.
 */
export const SOURCES = ["annex_i", "section_i", "msme", "custom"] as const;
export type SchemeSource = (typeof SOURCES)[number];

/** What a scheme is about and for whom; every list may be empty. */
export interface SchemeTags {
  categories: CategoryId[];
  issues: Issue[];
  topics: Topic[];
  groups: Group[];
  /** Annex IV areas whose activities the scheme can fund. */
  areas: Area[];
}

export interface Scheme extends SchemeTags {
  /** Stable slug, e.g. `rashtriya-mahila-kosh`. */
  id: string;
  name: string;
  /** Ministry, department or agency that runs (or ran) it. */
  ministry: string;
  /** What it does, in a sentence or two. */
  objective: string;
  /** Web addresses; for the guide's schemes, as the guide prints them (many are no longer online). */
  links: string[];
  status: SchemeStatus;
  /** The scheme it continues as, for merged (and some closed) schemes. */
  successorId: string | null;
  /** What is known about the status, e.g. when it closed. */
  statusNote: string | null;
  source: SchemeSource;
}

/** A possible BR activity in a cluster (the guide's Annex IV). */
export interface Activity {
  id: string;
  area: Area;
  description: string;
  /** Score-card issues the activity addresses. */
  issues: Issue[];
  /** People the activity is mainly for. */
  groups: Group[];
}
