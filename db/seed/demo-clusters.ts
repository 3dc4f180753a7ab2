import type { CoreIssue, EconomicParameter } from "../../core/scoring";

/**
 * The clusters of the guide's boxes (Boxes 1.1–1.7 and 2.3, and the Kalady rice mills of §4), with
 * the facts the guide gives and the issues it describes. `tendency` is how a typical respondent there
 * rates each issue's existence, intensity and efforts; the demo adds noise around it.
 */
export interface DemoCluster {
  id: string;
  name: string;
  inviteCode: string;
  sector: "manufacturing" | "handloom" | "handicraft" | "village_industry" | "other";
  state: string;
  district: string;
  defaultLocale: string;
  principalProducts: string;
  profile: Record<string, number | string>;
  economic: Record<EconomicParameter, number>;
  respondents: number;
  tendency: Partial<Record<CoreIssue, [existence: number, intensity: number, efforts: number]>>;
}

const MILD: [number, number, number] = [1, 1, 3];

export const DEMO_CLUSTERS: DemoCluster[] = [
  {
    id: "samalkha-foundry",
    name: "Samalkha foundry cluster",
    inviteCode: "SAMALKHA",
    sector: "manufacturing",
    state: "haryana",
    district: "Panipat",
    defaultLocale: "hi",
    principalProducts: "Metal castings (cupola foundries)",
    profile: { core_enterprises: 30, participating_units: 29, turnover_crore: 92, workforce_total: 1800, women_percent: 4, migrant_percent: 60 },
    economic: { value_chain_importance: 3, raw_materials: 2, turnover: 3, exports: 1, employment: 3 },
    respondents: 24,
    tendency: {
      working_conditions_child_labour: [4, 4, 4],
      air_pollution: [5, 5, 2],
      noise_pollution: [4, 3, 4],
      hours_of_work: [3, 3, 4],
      wages_benefits: [3, 3, 3],
    },
  },
  {
    id: "barpali-ikat",
    name: "Barpali ikat handloom",
    inviteCode: "BARPALI",
    sector: "handloom",
    state: "odisha",
    district: "Bargarh",
    defaultLocale: "or",
    principalProducts: "Ikat saris and fabric",
    profile: { looms: 1567, participating_units: 300, turnover_crore: 15, workforce_total: 4200, women_percent: 62, kbk_district: "no", special_groups: "yes" },
    economic: { value_chain_importance: 3, raw_materials: 4, turnover: 2, exports: 2, employment: 4 },
    respondents: 30,
    tendency: { wages_benefits: [4, 4, 2], collective_bargaining: [3, 3, 1], hours_of_work: [3, 2, 3], working_conditions_child_labour: [2, 2, 2] },
  },
  {
    id: "kalady-rice-mills",
    name: "Kalady rice mills",
    inviteCode: "KALADY",
    sector: "manufacturing",
    state: "kerala",
    district: "Ernakulam",
    defaultLocale: "ml",
    principalProducts: "Parboiled rice",
    profile: { core_enterprises: 72, participating_units: 72, workforce_total: 2500, women_percent: 35, migrant_percent: 40 },
    economic: { value_chain_importance: 4, raw_materials: 3, turnover: 3, exports: 1, employment: 3 },
    respondents: 18,
    tendency: { water_pollution: [5, 5, 1], air_pollution: [3, 3, 3], working_conditions_child_labour: [2, 2, 3] },
  },
  {
    id: "jalandhar-sports-goods",
    name: "Jalandhar sports goods",
    inviteCode: "JALANDHAR",
    sector: "manufacturing",
    state: "punjab",
    district: "Jalandhar",
    defaultLocale: "pa",
    principalProducts: "Footballs, cricket and hockey equipment",
    profile: { core_enterprises: 300, participating_units: 120, exports_percent: 85, workforce_total: 25000 },
    economic: { value_chain_importance: 5, raw_materials: 3, turnover: 4, exports: 5, employment: 4 },
    respondents: 26,
    tendency: { working_conditions_child_labour: [3, 4, 1], wages_benefits: [3, 3, 2], hours_of_work: [3, 2, 2] },
  },
  {
    id: "moradabad-brassware",
    name: "Moradabad brassware",
    inviteCode: "MORADABAD",
    sector: "handicraft",
    state: "uttar_pradesh",
    district: "Moradabad",
    defaultLocale: "ur",
    principalProducts: "Brass and metal handicrafts",
    profile: { artisans: 50000, handicraft_units: 4000, participating_units: 200, exports_percent: 70, workforce_total: 60000 },
    economic: { value_chain_importance: 4, raw_materials: 3, turnover: 4, exports: 5, employment: 5 },
    respondents: 20,
    tendency: { air_pollution: [4, 4, 4], working_conditions_child_labour: [4, 4, 3], noise_pollution: [3, 3, 4], wages_benefits: [3, 3, 4] },
  },
  {
    id: "tirupur-knitwear",
    name: "Tirupur knitwear",
    inviteCode: "TIRUPUR",
    sector: "manufacturing",
    state: "tamil_nadu",
    district: "Tiruppur",
    defaultLocale: "ta",
    principalProducts: "Knitted garments and hosiery",
    profile: { core_enterprises: 7010, participating_units: 400, exports_percent: 60, workforce_total: 300000, women_percent: 45, migrant_percent: 50 },
    economic: { value_chain_importance: 5, raw_materials: 4, turnover: 5, exports: 5, employment: 5 },
    respondents: 34,
    tendency: { water_pollution: [4, 4, 1], hours_of_work: [4, 3, 2], wages_benefits: [3, 3, 2], collective_bargaining: [3, 2, 2] },
  },
  {
    id: "chanderi-handloom",
    name: "Chanderi handloom",
    inviteCode: "CHANDERI",
    sector: "handloom",
    state: "madhya_pradesh",
    district: "Ashoknagar",
    defaultLocale: "hi",
    principalProducts: "Chanderi silk-cotton saris",
    profile: { looms: 3500, participating_units: 250, workforce_total: 9000, women_percent: 40 },
    economic: { value_chain_importance: 3, raw_materials: 3, turnover: 2, exports: 2, employment: 3 },
    respondents: 16,
    tendency: { wages_benefits: [3, 3, 4], hours_of_work: MILD, collective_bargaining: [2, 2, 4] },
  },
  {
    id: "okhla-garments",
    name: "Okhla garments",
    inviteCode: "OKHLA",
    sector: "manufacturing",
    state: "delhi",
    district: "South Delhi",
    defaultLocale: "hi",
    principalProducts: "Export garments",
    profile: { core_enterprises: 26, participating_units: 26, exports_percent: 80, workforce_total: 12000, women_percent: 30, migrant_percent: 70 },
    economic: { value_chain_importance: 4, raw_materials: 3, turnover: 4, exports: 5, employment: 4 },
    respondents: 2,
    tendency: { hours_of_work: [3, 3, 1], wages_benefits: [2, 2, 1], working_conditions_child_labour: [2, 2, 1] },
  },
];
