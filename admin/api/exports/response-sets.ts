import { z } from "zod";
import { items } from "../../../core/questionnaire";
import { scoreCard } from "../../../core/questionnaires";
import type { ScoringScheme } from "../../../core/scoring";
import type { Database } from "../../../db/database";
import { responseSetRepository, type ExportedResponseSet, type ResponseSetFilter } from "../../../db/repositories/response-sets";
import { RESPONSE_SET_STATUSES } from "../../../db/schema";
import { booleanFilter } from "../list-params";
import type { ExportColumn } from "./cluster-columns";
import type { FactSheet } from "./xlsx";

/**
 * What an answered "don't know" reads as in an export. It is stored as null and left out of every
 * mean (SPEC §2.2); a cell left empty is an item the person was never asked or has not reached yet.
 */
export const DONT_KNOW = "dont_know";

/** Response sets read per page: a few thousand keep the queries few and the memory small. */
const EXPORT_PAGE = 2000;

/** The response-set list's filters (its `questionnaireId` is always the score card's here). */
export const responseSetExportFilter = z.strictObject({
  clusterId: z.string().min(1).max(100).optional(),
  respondentId: z.string().min(1).max(100).optional(),
  questionnaireId: z.literal(scoreCard.id).optional(),
  status: z.enum(RESPONSE_SET_STATUSES).optional(),
  excluded: booleanFilter,
});

type ExportFilter = z.output<typeof responseSetExportFilter>;

/**
 * The columns of a response-set export, one row per score card: the pseudonymous respondent id
 * (the product's own, which names nobody outside the database), then, for an admin who asked,
 * the personal columns; the set's facts and moderation; the scheme scores are computed with now;
 * and one column per score-card item in questionnaire order, headed by its id (`wages_benefits.existence`).
 */
export function responseSetColumns(scheme: ScoringScheme, personal: boolean): ExportColumn<ExportedResponseSet>[] {
  const personalColumns: ExportColumn<ExportedResponseSet>[] = [
    { key: "respondentName", header: "respondent_name", width: 24, value: (r) => r.respondentName },
    { key: "telegramUsername", header: "telegram_username", width: 20, value: (r) => r.telegramUsername },
    { key: "enterpriseName", header: "enterprise_name", width: 28, value: (r) => r.enterpriseName },
  ];
  const schemeName = `${scheme.name}@${scheme.version}`;
  const itemColumns = items(scoreCard)
    .filter((item) => personal || item.meta.personal !== "yes")
    .map((item): ExportColumn<ExportedResponseSet> => ({
      key: item.id,
      header: item.id,
      width: 12,
      value: (r) => (Object.hasOwn(r.answers, item.id) ? (r.answers[item.id] ?? DONT_KNOW) : null),
    }));
  return [
    { key: "id", header: "response_set", width: 38, value: (r) => r.id },
    { key: "respondentId", header: "respondent", width: 38, value: (r) => r.respondentId },
    ...(personal ? personalColumns : []),
    { key: "clusterId", header: "cluster_id", width: 38, value: (r) => r.clusterId },
    { key: "clusterName", header: "cluster", width: 28, value: (r) => r.clusterName },
    { key: "stakeholderType", header: "stakeholder_type", width: 18, value: (r) => r.stakeholderType },
    { key: "questionnaireVersion", header: "questionnaire_version", width: 10, value: (r) => r.questionnaireVersion },
    { key: "status", header: "status", width: 12, value: (r) => r.status },
    { key: "startedAt", header: "started_at", width: 24, value: (r) => r.startedAt },
    { key: "completedAt", header: "completed_at", width: 24, value: (r) => r.completedAt },
    { key: "excluded", header: "excluded", width: 9, value: (r) => r.excludedAt !== null },
    { key: "excludedAt", header: "excluded_at", width: 24, value: (r) => r.excludedAt },
    { key: "exclusionReason", header: "exclusion_reason", width: 30, value: (r) => r.exclusionReason },
    { key: "scheme", header: "scheme", width: 12, value: () => schemeName },
    ...itemColumns,
  ];
}

/**
 * Every matching score card, read a page at a time in id order as the caller asks for more rows:
 * only one page is held at once, however many rows the export has.
 */
export async function* exportedResponseSets(db: Database, filter: ExportFilter, personal: boolean): AsyncGenerator<ExportedResponseSet> {
  const repository = responseSetRepository(db);
  const { excluded, ...rest } = filter;
  const where: Omit<ResponseSetFilter, "ids"> = { ...rest, questionnaireId: scoreCard.id, ...(excluded === undefined ? {} : { excluded }) };
  let after: string | null = null;
  for (;;) {
    const page = await repository.exportPage({ filter: where, after, limit: EXPORT_PAGE, personal });
    yield* page;
    const last = page.at(-1);
    if (!last || page.length < EXPORT_PAGE) return;
    after = last.id;
  }
}

/** How to read a response-set workbook, stated in the workbook itself. */
export function responseSetNotes(personal: boolean): FactSheet {
  return {
    name: "Notes",
    facts: [
      [DONT_KNOW, "the respondent answered \"don't know\" (left out of every mean)"],
      ["empty rating", "not answered (not asked, or not reached yet)"],
      ["respondent", "pseudonymous id; it names nobody outside Samuh's database"],
      ["personal data", personal ? "included at an admin's request" : "left out"],
    ],
  };
}
