import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  BR_CLASSES,
  CATEGORIES,
  CORE_RATING_KEYS,
  ECONOMIC_PARAMETERS,
  FLAG_KINDS,
  GUIDE_SCHEME,
  ISSUES,
  MAP_LEVELS,
  SECTORS,
  checkEligibility,
  flagResponseSets,
} from "../../../core/scoring";
import type { ClusterFacts } from "../../../core/scoring";

type Tree = { [key: string]: string | Tree };

function load(language: string): Tree {
  return JSON.parse(readFileSync(new URL(`../../../locales/${language}/scoring.json`, import.meta.url), "utf8")) as Tree;
}

function lookup(tree: Tree, path: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of path.replace(/^scoring:/, "").split(".")) {
    if (node === undefined || typeof node === "string") return undefined;
    node = node[part];
  }
  return typeof node === "string" ? node : undefined;
}

function leafPaths(tree: Tree, prefix = ""): string[] {
  return Object.entries(tree).flatMap(([key, value]) =>
    typeof value === "string" ? [`${prefix}${key}`] : leafPaths(value, `${prefix}${key}.`),
  );
}

/** Facts that drive every check through each of its outcomes. */
const FACT_SAMPLES: ClusterFacts[] = [
  {},
  { participatingUnits: 60, looms: 600, beneficiaryFamilies: 600, artisans: 150, shgBeneficiaries: 100, enterprises: 60, radiusKm: 3, smeUnits: 150, cepiScore: 75 },
  { participatingUnits: 30, artisans: 70, shgBeneficiaries: 400, enterprises: 60, cepiScore: 65 },
  { participatingUnits: 30, difficultOrBackwardRegion: true, artisans: 70, northEast: true, shgBeneficiaries: 400, intensiveCluster: true, cepiScore: 10 },
  { participatingUnits: 5, looms: 5, beneficiaryFamilies: 5, artisans: 5, shgBeneficiaries: 5, enterprises: 5, smeUnits: 5, handicraftUnits: 5 },
  { shgBeneficiaries: 900, enterprises: 60, radiusKm: 30, artisans: 150 },
  { sector: "manufacturing", looms: 600, beneficiaryFamilies: 600, artisans: 600 },
];

const en = load("en");
const hi = load("hi");

describe("scoring locales", () => {
  it("have the same keys in English and Hindi", () => {
    expect(leafPaths(hi).sort()).toEqual(leafPaths(en).sort());
  });

  it("name every issue, category, class, level, economic parameter, sector and flag", () => {
    const keys = [
      ...ISSUES.map((issue) => `issue.${issue}`),
      ...CATEGORIES.map((category) => `category.${category.id}`),
      ...BR_CLASSES.map((cls) => `class.${cls}`),
      ...MAP_LEVELS.map((level) => `level.${level}`),
      ...ECONOMIC_PARAMETERS.map((parameter) => `economic.${parameter}`),
      ...SECTORS.map((sector) => `sector.${sector}`),
      ...FLAG_KINDS.flatMap((kind) => [`flag.${kind}.name`, `flag.${kind}.reason`]),
    ];
    for (const key of keys) {
      expect(lookup(en, key), key).toBeTypeOf("string");
      expect(lookup(hi, key), key).toBeTypeOf("string");
    }
  });

  it("have a title and every reason the eligibility checks give, with the params each text uses", () => {
    const seen = new Set<string>();
    for (const facts of FACT_SAMPLES) {
      for (const check of checkEligibility(facts)) {
        seen.add(check.reasonKey);
        for (const tree of [en, hi]) {
          const text = lookup(tree, check.reasonKey);
          expect(text, check.reasonKey).toBeTypeOf("string");
          expect(lookup(tree, `eligibility.${check.id}.title`)).toBeTypeOf("string");
          for (const [, name] of (text ?? "").matchAll(/\{\{(\w+)\}\}/g)) {
            expect(check.params, `${check.reasonKey} uses {{${name}}}`).toHaveProperty(name as string);
          }
        }
      }
    }
    // Every reason written in the locale file is one the code can give.
    const written = leafPaths(en).filter((path) => path.startsWith("eligibility.") && !path.endsWith(".title"));
    expect([...seen].map((key) => key.replace("scoring:", "")).sort()).toEqual(written.sort());
  });
});

describe("moderation flag texts", () => {
  it("use only params the flags give", () => {
    const crowd = Array.from({ length: 7 }, (_, index) => ({
      id: `c${index}`,
      respondentId: `c${index}`,
      counted: true,
      ratings: { "air_pollution.intensity": 1, "water_pollution.intensity": index % 2 },
    }));
    const suspicious = {
      id: "s",
      respondentId: "s",
      counted: true,
      identityKey: "same",
      startedAt: "2025-01-01T00:00:00Z",
      completedAt: "2025-01-01T00:00:10Z",
      ratings: Object.fromEntries(CORE_RATING_KEYS.map((key) => [key, 5])),
    };
    const twin = { ...suspicious, id: "t", ratings: {} };
    const flags = flagResponseSets([...crowd, suspicious, twin], GUIDE_SCHEME).get("s") ?? [];
    expect(flags.map((f) => f.kind).sort()).toEqual([...FLAG_KINDS].sort());
    for (const flag of flags) {
      for (const tree of [en, hi]) {
        const text = lookup(tree, flag.reasonKey) ?? "";
        for (const [, name] of text.matchAll(/\{\{(\w+)\}\}/g)) {
          expect(flag.params, `${flag.reasonKey} uses {{${name}}}`).toHaveProperty(name as string);
        }
      }
    }
  });
});
