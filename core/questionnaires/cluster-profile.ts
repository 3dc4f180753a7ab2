import { ECONOMIC_PARAMETERS } from "../scoring/issues";
import { loadDefinition } from "../questionnaire";
import type { DefinitionInput } from "../questionnaire";

/** States and union territories, for a location people pick instead of spell. */
export const STATES = [
  "andaman_nicobar", "andhra_pradesh", "arunachal_pradesh", "assam", "bihar", "chandigarh",
  "chhattisgarh", "dadra_nagar_haveli_daman_diu", "delhi", "goa", "gujarat", "haryana",
  "himachal_pradesh", "jammu_kashmir", "jharkhand", "karnataka", "kerala", "ladakh", "lakshadweep",
  "madhya_pradesh", "maharashtra", "manipur", "meghalaya", "mizoram", "nagaland", "odisha",
  "puducherry", "punjab", "rajasthan", "sikkim", "tamil_nadu", "telangana", "tripura",
  "uttar_pradesh", "uttarakhand", "west_bengal",
] as const;
export type State = (typeof STATES)[number];

/** The North-East, where the handicrafts definition asks for 50 artisans instead of 100 (Table 1.2). */
export const NORTH_EAST_STATES: readonly State[] = [
  "arunachal_pradesh", "assam", "manipur", "meghalaya", "mizoram", "nagaland", "sikkim", "tripura",
];

const k = (path: string) => `questionnaires:cluster_profile.${path}`;
const yesNo = ["yes", "no"].map((value) => ({ value, key: k(`options.yes_no.${value}`) }));

const count = (id: string, extra: object = {}) => ({
  id,
  type: "number" as const,
  key: k(`items.${id}`),
  integer: true,
  min: 0,
  dontKnow: true,
  ...extra,
});
const percent = (id: string, extra: object = {}) => ({
  id,
  type: "number" as const,
  key: k(`items.${id}`),
  min: 0,
  max: 100,
  dontKnow: true,
  ...extra,
});
const text = (id: string, maxLength: number) => ({ id, type: "text" as const, key: k(`items.${id}`), maxLength });
const flag = (id: string, extra: object = {}) => ({
  id,
  type: "choice" as const,
  key: k(`items.${id}`),
  options: yesNo,
  ...extra,
});

/**
 * The cluster profile (SPEC §2.3, guide Tables 2.5 and 2.8), answered by a CDA or admin for a
 * cluster: where it is, what it makes, its enterprises, economy and workforce, the facts the
 * eligibility checks of SPEC §9 need, and the five economic ratings (`economic.<parameter>`).
 */
export const clusterProfile = loadDefinition({
  id: "cluster_profile",
  version: 1,
  titleKey: k("title"),
  sections: [
    {
      id: "location",
      titleKey: k("sections.location"),
      items: [
        {
          id: "state",
          type: "choice",
          key: k("items.state"),
          options: STATES.map((value) => ({ value, key: k(`options.state.${value}`) })),
        },
        text("district", 80),
        flag("kbk_district", { when: { item: "state", equals: "odisha" } }),
        {
          id: "location_type",
          type: "choice",
          key: k("items.location_type"),
          optional: true,
          options: ["urban", "semi_urban", "rural"].map((value) => ({
            value,
            key: k(`options.location_type.${value}`),
          })),
        },
        { id: "latitude", type: "number", key: k("items.latitude"), optional: true, min: -90, max: 90 },
        { id: "longitude", type: "number", key: k("items.longitude"), optional: true, min: -180, max: 180 },
        {
          id: "radius_km",
          type: "number",
          key: k("items.radius_km"),
          helpKey: k("help.radius_km"),
          optional: true,
          min: 0,
        },
      ],
    },
    {
      id: "products",
      titleKey: k("sections.products"),
      items: [text("principal_products", 300), text("main_buyers", 300), text("raw_materials", 300)],
    },
    {
      id: "enterprises",
      titleKey: k("sections.enterprises"),
      items: [
        count("core_enterprises"),
        percent("share_micro"),
        percent("share_small"),
        percent("share_medium"),
        percent("share_large"),
        count("participating_units", { helpKey: k("help.participating_units") }),
      ],
    },
    {
      id: "economy",
      titleKey: k("sections.economy"),
      items: [
        { id: "turnover_crore", type: "number", key: k("items.turnover_crore"), min: 0, dontKnow: true },
        percent("exports_percent"),
      ],
    },
    {
      id: "workforce",
      titleKey: k("sections.workforce"),
      items: [
        count("workforce_total"),
        percent("women_percent"),
        percent("skilled_percent"),
        percent("semi_skilled_percent"),
        percent("unskilled_percent"),
        percent("migrant_percent"),
      ],
    },
    {
      id: "pollution",
      titleKey: k("sections.pollution"),
      items: [
        {
          id: "cepi_score",
          type: "number",
          key: k("items.cepi_score"),
          helpKey: k("help.cepi_score"),
          optional: true,
          min: 0,
          max: 100,
        },
      ],
    },
    {
      id: "special_features",
      titleKey: k("sections.special_features"),
      introKey: k("intros.special_features"),
      items: [
        flag("difficult_region"),
        flag("special_groups"),
        flag("hilly_area"),
        count("looms", { optional: true }),
        count("beneficiary_families", { optional: true }),
        count("artisans", { optional: true }),
        count("handicraft_units", { optional: true }),
        count("shg_beneficiaries", { optional: true }),
      ],
    },
    {
      id: "economic_ratings",
      titleKey: k("sections.economic_ratings"),
      introKey: k("intros.economic_ratings"),
      items: ECONOMIC_PARAMETERS.map((parameter) => ({
        id: `economic.${parameter}`,
        type: "scale" as const,
        key: k(`items.economic.${parameter}`),
        anchors: [0, 1, 2, 3, 4, 5].map((n) => k(`anchors.${parameter}.${n}`)),
        meta: { parameter },
      })),
    },
  ],
} satisfies DefinitionInput);
