/**
 * Eligibility checks shown on a cluster (SPEC §9): the guide's critical mass, the programme
 * definitions of Table 1.2, and the CEPI pollution bands. Every check answers met, not met, or
 * unknown when the facts it needs have not been entered; it never guesses a missing fact.
 */

export const SECTORS = ["manufacturing", "handloom", "handicraft", "village_industry", "other"] as const;
export type Sector = (typeof SECTORS)[number];

/** What is known about a cluster; a missing or null fact is unknown, not zero or false. */
export interface ClusterFacts {
  /** Units taking part in the development activities. */
  participatingUnits?: number | null;
  /** Enterprises in the cluster (Gujarat counts industrial units). */
  enterprises?: number | null;
  looms?: number | null;
  /** SFURTI counts families of artisans, micro enterprises, suppliers, traders and service providers. */
  beneficiaryFamilies?: number | null;
  /** NABARD counts beneficiaries working in self-help-group mode. */
  shgBeneficiaries?: number | null;
  artisans?: number | null;
  handicraftUnits?: number | null;
  smeUnits?: number | null;
  /** Radius in km that holds the cluster's units. */
  radiusKm?: number | null;
  cepiScore?: number | null;
  sector?: Sector | null;
  difficultOrBackwardRegion?: boolean | null;
  /** A sizeable presence of women or disadvantaged communities among the entrepreneurs. */
  specialGroups?: boolean | null;
  northEast?: boolean | null;
  jammuKashmir?: boolean | null;
  hillyArea?: boolean | null;
  /** In a Kalahandi-Balangir-Koraput district of Odisha. */
  kbkDistrict?: boolean | null;
  /** NABARD's "intensive cluster", which may have up to 700 beneficiaries. */
  intensiveCluster?: boolean | null;
}

export const ELIGIBILITY_CHECK_IDS = [
  "critical_mass",
  "ihcdp_handloom",
  "sfurti",
  "handicrafts",
  "nabard",
  "gujarat",
  "odisha_handicrafts",
  "unido",
  "cepi",
] as const;
export type EligibilityCheckId = (typeof ELIGIBILITY_CHECK_IDS)[number];

export interface EligibilityCheck {
  id: EligibilityCheckId;
  /** null: the facts needed are missing. */
  met: boolean | null;
  /** i18n key, `scoring:eligibility.<id>.<reason>`. */
  reasonKey: string;
  params: Record<string, number | string>;
}

/** Three-valued logic: one unknown fact leaves the answer unknown unless the known facts settle it. */
type Tri = boolean | null;

function anyOf(values: readonly Tri[]): Tri {
  if (values.includes(true)) return true;
  return values.includes(null) ? null : false;
}

function allOf(values: readonly Tri[]): Tri {
  if (values.includes(false)) return false;
  return values.includes(null) ? null : true;
}

function flag(value: boolean | null | undefined): Tri {
  return value ?? null;
}

/** A count or distance that was actually entered; negative or non-finite input is treated as missing. */
function amount(value: number | null | undefined): number | null {
  return typeof value === "number" && Number.isFinite(value) && value >= 0 ? value : null;
}

/** Params for the facts that are known; an unknown fact is left out rather than shown as 0. */
function knownParams(values: Record<string, number | null>): EligibilityCheck["params"] {
  const params: EligibilityCheck["params"] = {};
  for (const [name, value] of Object.entries(values)) if (value !== null) params[name] = value;
  return params;
}

/** Whether a count reaches a minimum that drops to `relaxed` when `relaxedApplies`. */
function reachesMinimum(count: number, minimum: number, relaxed: number, relaxedApplies: Tri): Tri {
  if (count >= minimum) return true;
  if (count < relaxed) return false;
  return relaxedApplies;
}

function check(
  id: EligibilityCheckId,
  met: Tri,
  reason: string,
  params: EligibilityCheck["params"] = {},
): EligibilityCheck {
  return { id, met, reasonKey: `scoring:eligibility.${id}.${reason}`, params };
}

/** A definition written for some sectors does not describe a cluster known to be in another. */
function outsideSectors(
  id: EligibilityCheckId,
  facts: ClusterFacts,
  sectors: readonly Sector[],
): EligibilityCheck | null {
  const sector = facts.sector ?? null;
  return sector !== null && !sectors.includes(sector) ? check(id, false, "other_sector", { sector }) : null;
}

const CRITICAL_MASS = 50;
const CRITICAL_MASS_RELAXED = 20;

/**
 * Critical mass (Section II §4.2.2 b): at least 50 participating units, or 20 in difficult or
 * backward regions or for special groups of entrepreneurs.
 */
export function criticalMass(facts: ClusterFacts): EligibilityCheck {
  const units = amount(facts.participatingUnits);
  if (units === null) return check("critical_mass", null, "unknown");
  const params = { units, minimum: CRITICAL_MASS, relaxedMinimum: CRITICAL_MASS_RELAXED };
  if (units >= CRITICAL_MASS) return check("critical_mass", true, "met", params);
  const relaxed = anyOf([flag(facts.difficultOrBackwardRegion), flag(facts.specialGroups)]);
  const met = reachesMinimum(units, CRITICAL_MASS, CRITICAL_MASS_RELAXED, relaxed);
  if (met === true) return check("critical_mass", true, "met_relaxed", params);
  return check("critical_mass", met, met === null ? "needs_region" : "not_met", params);
}

/** IHCDP, Ministry of Textiles: a handloom cluster has at least 500 looms. */
function ihcdpHandloom(facts: ClusterFacts): EligibilityCheck {
  const id = "ihcdp_handloom";
  const outside = outsideSectors(id, facts, ["handloom"]);
  if (outside) return outside;
  const looms = amount(facts.looms);
  if (looms === null) return check(id, null, "unknown");
  return check(id, looms >= 500, looms >= 500 ? "met" : "not_met", { looms, minimum: 500 });
}

/** SFURTI, Ministry of MSME: a traditional-industry cluster of at least 500 beneficiary families. */
function sfurti(facts: ClusterFacts): EligibilityCheck {
  const id = "sfurti";
  const outside = outsideSectors(id, facts, ["handloom", "handicraft", "village_industry"]);
  if (outside) return outside;
  const families = amount(facts.beneficiaryFamilies);
  if (families === null) return check(id, null, "unknown");
  return check(id, families >= 500, families >= 500 ? "met" : "not_met", { families, minimum: 500 });
}

/** Development Commissioner (Handicrafts): 100 artisans, 50 in the North-East, J&K and hilly areas. */
function handicrafts(facts: ClusterFacts): EligibilityCheck {
  const id = "handicrafts";
  const outside = outsideSectors(id, facts, ["handicraft"]);
  if (outside) return outside;
  const artisans = amount(facts.artisans);
  if (artisans === null) return check(id, null, "unknown");
  const params = { artisans, minimum: 100, relaxedMinimum: 50 };
  if (artisans >= 100) return check(id, true, "met", params);
  const relaxed = anyOf([flag(facts.northEast), flag(facts.jammuKashmir), flag(facts.hillyArea)]);
  const met = reachesMinimum(artisans, 100, 50, relaxed);
  if (met === true) return check(id, true, "met_relaxed", params);
  return check(id, met, met === null ? "needs_region" : "not_met", params);
}

/** NABARD: 50 to 200 beneficiaries in self-help-group mode, up to 700 in intensive clusters. */
function nabard(facts: ClusterFacts): EligibilityCheck {
  const id = "nabard";
  const beneficiaries = amount(facts.shgBeneficiaries);
  if (beneficiaries === null) return check(id, null, "unknown");
  if (beneficiaries < 50) return check(id, false, "below", { beneficiaries, minimum: 50 });
  if (beneficiaries <= 200) return check(id, true, "met", { beneficiaries, minimum: 50, maximum: 200 });
  if (beneficiaries > 700) return check(id, false, "above", { beneficiaries, maximum: 700 });
  const intensive = flag(facts.intensiveCluster);
  if (intensive === true) return check(id, true, "met_intensive", { beneficiaries, maximum: 700 });
  return check(id, intensive, intensive === null ? "needs_intensive" : "above", { beneficiaries, maximum: 200 });
}

/** Government of Gujarat: at least 50 industrial units within a radius of 10 km. */
function gujarat(facts: ClusterFacts): EligibilityCheck {
  const id = "gujarat";
  const units = amount(facts.enterprises);
  const radius = amount(facts.radiusKm);
  const enough = units === null ? null : units >= 50;
  const close = radius === null ? null : radius <= 10;
  const params = knownParams({ units, radiusKm: radius, minimum: 50, maxRadiusKm: 10 });
  if (enough === false) return check(id, false, "too_few", params);
  if (close === false) return check(id, false, "too_spread", params);
  const met = allOf([enough, close]);
  return check(id, met, met ? "met" : "unknown", params);
}

/**
 * Government of Odisha, handicraft clusters: 100 traditional artisans (50 in KBK districts) within
 * "a radius of 3–5 km", read as within 5 km: a tighter cluster is not excluded.
 */
function odishaHandicrafts(facts: ClusterFacts): EligibilityCheck {
  const id = "odisha_handicrafts";
  const outside = outsideSectors(id, facts, ["handicraft"]);
  if (outside) return outside;
  const artisans = amount(facts.artisans);
  const radius = amount(facts.radiusKm);
  const enough = artisans === null ? null : reachesMinimum(artisans, 100, 50, flag(facts.kbkDistrict));
  const close = radius === null ? null : radius <= 5;
  const minimum = facts.kbkDistrict === true ? 50 : 100;
  const params = knownParams({ artisans, radiusKm: radius, minimum, maxRadiusKm: 5 });
  if (enough === false) return check(id, false, "too_few", params);
  if (close === false) return check(id, false, "too_spread", params);
  const met = allOf([enough, close]);
  return check(id, met, met ? "met" : "unknown", params);
}

/** UNIDO: 100 SME units (industrial), 50 handicraft units (artisanal) or 500 handlooms (handloom). */
function unido(facts: ClusterFacts): EligibilityCheck {
  const id = "unido";
  const sme = amount(facts.smeUnits);
  const crafts = amount(facts.handicraftUnits);
  const looms = amount(facts.looms);
  const bySme: Tri = sme === null ? null : sme >= 100;
  const byCrafts: Tri = crafts === null ? null : crafts >= 50;
  const byLooms: Tri = looms === null ? null : looms >= 500;
  // A cluster of a known type is judged by that type's count only.
  const options: Partial<Record<Sector, Tri[]>> = { manufacturing: [bySme], handicraft: [byCrafts], handloom: [byLooms] };
  const met = anyOf(options[facts.sector ?? "other"] ?? [bySme, byCrafts, byLooms]);
  const params = knownParams({ smeUnits: sme, handicraftUnits: crafts, looms });
  return check(id, met, met === null ? "unknown" : met ? "met" : "not_met", params);
}

export type CepiBand = "critical" | "severe" | "below";

function bandOf(score: number): CepiBand {
  if (score >= 70) return "critical";
  return score >= 60 ? "severe" : "below";
}

/**
 * CPCB's Comprehensive Environmental Pollution Index (Box 2.2): 70 and above is critically
 * polluted, 60 up to 70 severely polluted.
 *
 * @example cepiBand(64.5) // "severe"
 */
export function cepiBand(score: number | null | undefined): CepiBand | null {
  const value = amount(score);
  return value === null ? null : bandOf(value);
}

/** "Met" means the CEPI puts the cluster among the polluted areas that need surveillance. */
function cepi(facts: ClusterFacts): EligibilityCheck {
  const score = amount(facts.cepiScore);
  if (score === null) return check("cepi", null, "not_entered");
  const band = bandOf(score);
  return check("cepi", band !== "below", band, { score });
}

/**
 * Runs every check on a cluster's facts, in the order of `ELIGIBILITY_CHECK_IDS`.
 *
 * @example checkEligibility({ participatingUnits: 60 })[0] // { id: "critical_mass", met: true, … }
 */
export function checkEligibility(facts: ClusterFacts): EligibilityCheck[] {
  return [
    criticalMass(facts),
    ihcdpHandloom(facts),
    sfurti(facts),
    handicrafts(facts),
    nabard(facts),
    gujarat(facts),
    odishaHandicrafts(facts),
    unido(facts),
    cepi(facts),
  ];
}
