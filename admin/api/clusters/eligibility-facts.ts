import type { ClusterFacts, Sector } from "../../../core/scoring";
import { SECTORS } from "../../../core/scoring";
import { NORTH_EAST_STATES } from "../../../core/questionnaires";
import type { State } from "../../../core/questionnaires";
import type { Cluster } from "../../../db/schema";

function count(value: unknown): number | null {
  return typeof value === "number" && Number.isFinite(value) ? value : null;
}

function yesNo(value: unknown): boolean | null {
  return value === "yes" ? true : value === "no" ? false : null;
}

function sectorOf(value: string | null): Sector | null {
  return SECTORS.find((sector) => sector === value) ?? null;
}

/**
 * The facts the eligibility checks (SPEC §9) read, taken from the cluster's record and its profile
 * answers. Anything not entered stays unknown. The profile has one count of enterprises, so it
 * stands for Gujarat's industrial units and UNIDO's SME units alike.
 */
export function eligibilityFacts(cluster: Cluster): ClusterFacts {
  const p = cluster.profile;
  const state = (cluster.state ?? (typeof p.state === "string" ? p.state : null)) as State | null;
  return {
    participatingUnits: count(p.participating_units),
    enterprises: count(p.core_enterprises),
    smeUnits: count(p.core_enterprises),
    looms: count(p.looms),
    beneficiaryFamilies: count(p.beneficiary_families),
    shgBeneficiaries: count(p.shg_beneficiaries),
    artisans: count(p.artisans),
    handicraftUnits: count(p.handicraft_units),
    radiusKm: count(p.radius_km),
    cepiScore: count(p.cepi_score),
    sector: sectorOf(cluster.sector),
    difficultOrBackwardRegion: yesNo(p.difficult_region),
    specialGroups: yesNo(p.special_groups),
    hillyArea: yesNo(p.hilly_area),
    kbkDistrict: yesNo(p.kbk_district),
    northEast: state === null ? null : NORTH_EAST_STATES.includes(state),
    jammuKashmir: state === null ? null : state === "jammu_kashmir",
  };
}
