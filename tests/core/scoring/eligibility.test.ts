import { describe, expect, it } from "vitest";
import { ELIGIBILITY_CHECK_IDS, cepiBand, checkEligibility, criticalMass } from "../../../core/scoring";
import type { ClusterFacts, EligibilityCheck, EligibilityCheckId } from "../../../core/scoring";

function run(id: EligibilityCheckId, facts: ClusterFacts): Pick<EligibilityCheck, "met" | "reasonKey"> {
  const found = checkEligibility(facts).find((c) => c.id === id);
  if (!found) throw new Error(`no check ${id}`);
  return { met: found.met, reasonKey: found.reasonKey };
}

function outcome(met: boolean | null, id: EligibilityCheckId, reason: string) {
  return { met, reasonKey: `scoring:eligibility.${id}.${reason}` };
}

describe("checkEligibility", () => {
  it("runs every check once, in order, and knows nothing from no facts", () => {
    const checks = checkEligibility({});
    expect(checks.map((c) => c.id)).toEqual([...ELIGIBILITY_CHECK_IDS]);
    expect(checks.every((c) => c.met === null)).toBe(true);
  });
});

describe("critical mass", () => {
  it.each([
    [{ participatingUnits: 50 }, true, "met"],
    [{ participatingUnits: 49 }, null, "needs_region"],
    [{ participatingUnits: 49, difficultOrBackwardRegion: false, specialGroups: false }, false, "not_met"],
    [{ participatingUnits: 20, difficultOrBackwardRegion: true }, true, "met_relaxed"],
    [{ participatingUnits: 20, difficultOrBackwardRegion: false, specialGroups: true }, true, "met_relaxed"],
    [{ participatingUnits: 19, difficultOrBackwardRegion: true }, false, "not_met"],
    [{ participatingUnits: 30, specialGroups: false }, null, "needs_region"],
    [{}, null, "unknown"],
    [{ participatingUnits: -3 }, null, "unknown"],
  ] satisfies [ClusterFacts, boolean | null, string][])("%o → %s (%s)", (facts, met, reason) => {
    expect(run("critical_mass", facts)).toEqual(outcome(met, "critical_mass", reason));
  });

  it("gives the numbers its message needs", () => {
    expect(criticalMass({ participatingUnits: 42, difficultOrBackwardRegion: true }).params).toEqual({
      units: 42,
      minimum: 50,
      relaxedMinimum: 20,
    });
  });
});

describe("Table 1.2 definitions", () => {
  it.each([
    ["ihcdp_handloom", { looms: 500 }, true, "met"],
    ["ihcdp_handloom", { looms: 499, sector: "handloom" }, false, "not_met"],
    ["ihcdp_handloom", { looms: 900, sector: "manufacturing" }, false, "other_sector"],
    ["ihcdp_handloom", { sector: "handloom" }, null, "unknown"],
    ["sfurti", { beneficiaryFamilies: 500, sector: "village_industry" }, true, "met"],
    ["sfurti", { beneficiaryFamilies: 499 }, false, "not_met"],
    ["sfurti", { beneficiaryFamilies: 800, sector: "manufacturing" }, false, "other_sector"],
    ["sfurti", {}, null, "unknown"],
    ["handicrafts", { artisans: 100 }, true, "met"],
    ["handicrafts", { artisans: 50, northEast: true }, true, "met_relaxed"],
    ["handicrafts", { artisans: 60, jammuKashmir: false, hillyArea: true }, true, "met_relaxed"],
    ["handicrafts", { artisans: 99, northEast: false, jammuKashmir: false, hillyArea: false }, false, "not_met"],
    ["handicrafts", { artisans: 49, hillyArea: true }, false, "not_met"],
    ["handicrafts", { artisans: 70 }, null, "needs_region"],
    ["handicrafts", { artisans: 300, sector: "handloom" }, false, "other_sector"],
    ["handicrafts", { sector: "handicraft" }, null, "unknown"],
    ["nabard", { shgBeneficiaries: 50 }, true, "met"],
    ["nabard", { shgBeneficiaries: 200 }, true, "met"],
    ["nabard", { shgBeneficiaries: 49 }, false, "below"],
    ["nabard", { shgBeneficiaries: 201, intensiveCluster: false }, false, "above"],
    ["nabard", { shgBeneficiaries: 700, intensiveCluster: true }, true, "met_intensive"],
    ["nabard", { shgBeneficiaries: 701, intensiveCluster: true }, false, "above"],
    ["nabard", { shgBeneficiaries: 450 }, null, "needs_intensive"],
    ["nabard", {}, null, "unknown"],
    ["gujarat", { enterprises: 50, radiusKm: 10 }, true, "met"],
    ["gujarat", { enterprises: 49, radiusKm: 2 }, false, "too_few"],
    ["gujarat", { enterprises: 49 }, false, "too_few"],
    ["gujarat", { enterprises: 80, radiusKm: 10.5 }, false, "too_spread"],
    ["gujarat", { enterprises: 80 }, null, "unknown"],
    ["gujarat", { radiusKm: 4 }, null, "unknown"],
    ["odisha_handicrafts", { artisans: 100, radiusKm: 5 }, true, "met"],
    ["odisha_handicrafts", { artisans: 50, radiusKm: 3, kbkDistrict: true }, true, "met"],
    ["odisha_handicrafts", { artisans: 99, radiusKm: 3, kbkDistrict: false }, false, "too_few"],
    ["odisha_handicrafts", { artisans: 49, kbkDistrict: true }, false, "too_few"],
    ["odisha_handicrafts", { artisans: 150, radiusKm: 6 }, false, "too_spread"],
    ["odisha_handicrafts", { artisans: 75, radiusKm: 4 }, null, "unknown"],
    ["odisha_handicrafts", { artisans: 150, radiusKm: 4, sector: "manufacturing" }, false, "other_sector"],
    ["unido", { smeUnits: 100 }, true, "met"],
    ["unido", { handicraftUnits: 50 }, true, "met"],
    ["unido", { looms: 500 }, true, "met"],
    ["unido", { smeUnits: 99, handicraftUnits: 49, looms: 499 }, false, "not_met"],
    ["unido", { smeUnits: 99 }, null, "unknown"],
    ["unido", { smeUnits: 99, sector: "manufacturing" }, false, "not_met"],
    ["unido", { smeUnits: 300, handicraftUnits: 10, sector: "handicraft" }, false, "not_met"],
    ["unido", {}, null, "unknown"],
  ] satisfies [EligibilityCheckId, ClusterFacts, boolean | null, string][])("%s with %o → %s (%s)", (id, facts, met, reason) => {
    expect(run(id, facts)).toEqual(outcome(met, id, reason));
  });
});

describe("CEPI", () => {
  it.each([
    [70, true, "critical"],
    [95.2, true, "critical"],
    [69.99, true, "severe"],
    [60, true, "severe"],
    [59.9, false, "below"],
  ] as const)("%s → %s (%s)", (score, met, reason) => {
    expect(run("cepi", { cepiScore: score })).toEqual(outcome(met, "cepi", reason));
  });

  it("is unknown when no score was entered", () => {
    expect(run("cepi", {})).toEqual(outcome(null, "cepi", "not_entered"));
    expect(cepiBand(null)).toBeNull();
    expect(cepiBand(64.5)).toBe("severe");
  });
});
