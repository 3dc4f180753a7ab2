import { describe, expect, it } from "vitest";
import { applicableItems, items } from "../../../core/questionnaire";
import {
  agencyRating,
  agencyRatingTotal,
  clusterProfile,
  createCatalogue,
  defaultCatalogue,
  registration,
  scoreCard,
} from "../../../core/questionnaires";
import { CORE_ISSUES, ECONOMIC_PARAMETERS, OPTIONAL_ISSUES, TEMPLATES } from "../../../core/scoring/issues";

const ids = (d: Parameters<typeof items>[0]) => items(d).map((i) => i.id);

describe("registration", () => {
  it("offers the twelve languages and asks enterprise questions only of core firm owners", () => {
    const language = items(registration).find((i) => i.id === "language");
    expect(language?.type === "choice" && language.options.map((o) => o.value)).toEqual([
      "en", "hi", "or", "te", "ta", "mr", "gu", "pa", "ml", "kn", "bn", "ur",
    ]);
    const worker = applicableItems(registration, { language: "hi", stakeholder_type: "worker" }).map((i) => i.id);
    expect(worker).toEqual(["language", "stakeholder_type", "consent"]);
    const owner = applicableItems(registration, { stakeholder_type: "core_firm_owner", workforce_total: 12 }).map((i) => i.id);
    expect(owner).toEqual([
      "language", "stakeholder_type", "enterprise_name", "size_class", "workforce_total", "workforce_women", "consent",
    ]);
  });
});

describe("score card", () => {
  it("asks the three templates of each core issue in order, 0–5 with don't know", () => {
    const expected = CORE_ISSUES.flatMap((issue) => TEMPLATES.map((template) => `${issue}.${template}`));
    expect(ids(scoreCard).slice(0, 21)).toEqual(expected);
    for (const item of items(scoreCard).slice(0, 21)) {
      expect(item).toMatchObject({ type: "scale", min: 0, max: 5, dontKnow: true, optional: false });
      const [issue, template] = item.id.split(".");
      expect(item.meta).toEqual({ issue, template });
      expect(item.type === "scale" && item.anchors).toEqual(
        [0, 1, 2, 3, 4, 5].map((n) => `questionnaires:score_card.anchors.${template}.${n}`),
      );
    }
  });

  it("asks the optional issues only when the respondent agrees", () => {
    const core = applicableItems(scoreCard, {}).map((i) => i.id);
    expect(core).toHaveLength(22);
    expect(core.at(-1)).toBe("optional_issues");
    const withOptional = applicableItems(scoreCard, { optional_issues: "yes" }).map((i) => i.id);
    expect(withOptional.slice(22)).toEqual(
      OPTIONAL_ISSUES.flatMap((issue) => TEMPLATES.map((template) => `${issue}.${template}`)),
    );
    expect(applicableItems(scoreCard, { optional_issues: "no" })).toHaveLength(22);
  });
});

describe("cluster profile", () => {
  it("ends with the five economic ratings on a 0–5 scale", () => {
    const economic = items(clusterProfile).filter((i) => i.id.startsWith("economic."));
    expect(economic.map((i) => i.id)).toEqual(ECONOMIC_PARAMETERS.map((p) => `economic.${p}`));
    for (const item of economic) expect(item).toMatchObject({ type: "scale", min: 0, max: 5, optional: false });
  });

  it("asks about KBK districts only in Odisha", () => {
    const has = (state: string) => applicableItems(clusterProfile, { state }).some((i) => i.id === "kbk_district");
    expect(has("odisha")).toBe(true);
    expect(has("gujarat")).toBe(false);
  });

  it("bounds shares at 0–100 %", () => {
    for (const item of items(clusterProfile).filter((i) => i.id.endsWith("_percent") || i.id.startsWith("share_"))) {
      expect(item).toMatchObject({ type: "number", min: 0, max: 100 });
    }
  });
});

describe("agency rating", () => {
  const all = items(agencyRating);
  const points = (group: string) =>
    all.filter((i) => i.meta.group === group).reduce((sum, i) => sum + Number(i.meta.points), 0);

  it("is worth 100 points in the guide's three groups", () => {
    expect(points("institutional_strengths")).toBe(25);
    expect(points("cluster_competencies")).toBe(45);
    expect(points("implementation_capabilities")).toBe(30);
  });

  it("totals the points of the applicable yes answers", () => {
    const everythingYes = Object.fromEntries(all.map((i) => [i.id, "yes"]));
    expect(agencyRatingTotal(agencyRating, everythingYes)).toBe(100);
    expect(agencyRatingTotal(agencyRating, {})).toBe(0);
    expect(
      agencyRatingTotal(agencyRating, { "staff.three_graduates": "yes", "staff.four_or_more": "yes", "location.hq_in_state": "no" }),
    ).toBe(3);
  });

  it("does not count an add-on whose base criterion was answered no", () => {
    expect(agencyRatingTotal(agencyRating, { "staff.three_graduates": "no", "staff.four_or_more": "yes" })).toBe(0);
  });
});

describe("catalogue", () => {
  it("holds the six questionnaires", () => {
    expect(defaultCatalogue.all().map((d) => d.id)).toEqual([
      "agency_rating",
      "br_declaration",
      "br_declaration_confirmation",
      "cluster_profile",
      "registration",
      "score_card",
    ]);
    expect(defaultCatalogue.get("score_card", 1)).toBe(scoreCard);
    expect(defaultCatalogue.get("score_card", 2)).toBeUndefined();
  });

  it("keeps every version and knows the latest", () => {
    const v2 = { ...scoreCard, version: 2 };
    const catalogue = createCatalogue([v2, scoreCard]);
    expect(catalogue.latest("score_card")).toBe(v2);
    expect(catalogue.get("score_card", 1)).toBe(scoreCard);
    expect(catalogue.latest("nope")).toBeUndefined();
    expect(() => createCatalogue([scoreCard, scoreCard])).toThrow("score_card v1 twice");
  });
});
