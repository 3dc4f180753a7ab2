import { CATEGORIES } from "./issues";
import type { CategoryId, Issue } from "./issues";
import type { IssueStats } from "./issue-stats";
import type { ScoringScheme } from "./scheme";
import { known, mean } from "./statistics";

/** Table 1.4's classes, from least to most engaged: blind, aware, engaged low / moderate / high. */
export const BR_CLASSES = ["B", "A", "EL", "EM", "EH"] as const;
export type BrClass = (typeof BR_CLASSES)[number];

/** One category's place in Table 1.4. */
export interface CategoryClass {
  category: CategoryId;
  number: number;
  /** a: mean existence over the category's issues that have answers. */
  awareness: number | null;
  /** g = 5 − mean efforts over the category's issues that have answers. */
  engagement: number | null;
  class: BrClass | null;
  /** As the guide prints it, e.g. "1EL"; null when the category has no class. */
  label: string | null;
}

/**
 * The class for a category's a and g (SPEC §4). A category nobody is aware of is blind whatever
 * its efforts; otherwise the class needs g.
 *
 * @example brClass(3.25, 1.0, GUIDE_SCHEME.classThresholds) // "EL"
 */
export function brClass(
  awareness: number | null,
  engagement: number | null,
  thresholds: ScoringScheme["classThresholds"],
): BrClass | null {
  if (awareness === null) return null;
  if (awareness < thresholds.aware) return "B";
  if (engagement === null) return null;
  if (engagement < thresholds.engagedLow) return "A";
  if (engagement < thresholds.engagedModerate) return "EL";
  if (engagement < thresholds.engagedHigh) return "EM";
  return "EH";
}

/**
 * Classifies every category of Table 1.4 from the per-issue statistics. g here is always 5 − mean
 * efforts, as SPEC §4 defines it, whatever engagement method the scheme uses for the score.
 *
 * @example classify(stats, GUIDE_SCHEME).map((c) => c.label) // ["1EL", "2EL", null, null]
 */
export function classify(stats: readonly IssueStats[], scheme: ScoringScheme): CategoryClass[] {
  return CATEGORIES.map((category) => {
    const issues: readonly Issue[] = category.issues;
    const inCategory = stats.filter((s) => issues.includes(s.issue));
    const awareness = mean(known(inCategory.map((s) => s.means.existence)));
    const effortsMean = mean(known(inCategory.map((s) => s.means.efforts)));
    const engagement = effortsMean === null ? null : 5 - effortsMean;
    const cls = brClass(awareness, engagement, scheme.classThresholds);
    return {
      category: category.id,
      number: category.number,
      awareness,
      engagement,
      class: cls,
      label: cls === null ? null : `${category.number}${cls}`,
    };
  });
}

/** One cell of the Table 1.4 grid, with the i18n keys the console needs to draw it. */
export interface ClassificationGridCell {
  class: BrClass;
  label: string;
  classKey: string;
}

/** Table 1.4 as data: one row per category, one column per class, labelled as the guide prints them. */
export const CLASSIFICATION_GRID: readonly {
  category: CategoryId;
  number: number;
  categoryKey: string;
  cells: readonly ClassificationGridCell[];
}[] = CATEGORIES.map((category) => ({
  category: category.id,
  number: category.number,
  categoryKey: `scoring:category.${category.id}`,
  cells: BR_CLASSES.map((cls) => ({
    class: cls,
    label: `${category.number}${cls}`,
    classKey: `scoring:class.${cls}`,
  })),
}));
