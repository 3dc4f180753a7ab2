import { describe, expect, it } from "vitest";
import { ACTIVITIES, ANNEX_I_SCHEMES, CURRENT_SCHEMES, SCHEMES, SECTION_I_SCHEMES } from "../../core/schemes/catalogue";
import { CORE_CONCEPTS, CONCEPT_IDS } from "../../core/schemes/concepts";
import { KEYWORDS } from "../../core/schemes/keywords";
import { analyseQuery } from "../../core/schemes/query";
import { activitySchema, catalogueSchema } from "../../core/schemes/schema";
import { AREAS } from "../../core/schemes/types";
import { LANGUAGES } from "../../locales/languages";

const byId = new Map(SCHEMES.map((scheme) => [scheme.id, scheme]));

describe("the schemes catalogue", () => {
  it("passes the catalogue schema: valid records, unique ids, existing successors, no cycles", () => {
    const result = catalogueSchema.safeParse(SCHEMES);
    expect(result.success ? [] : result.error.issues).toEqual([]);
  });

  it("holds the 36 schemes of Annex I, then Section I's and the current ones", () => {
    expect(ANNEX_I_SCHEMES).toHaveLength(36);
    expect(new Set(ANNEX_I_SCHEMES.map((scheme) => scheme.source))).toEqual(new Set(["annex_i"]));
    expect(SECTION_I_SCHEMES.map((scheme) => scheme.id)).toContain("nrhm-rural-health");
    for (const id of ["mse-cdp", "sfurti", "msme-sustainable-zed", "pmegp", "cgtmse", "pm-vishwakarma", "adeetie", "pm-fme", "stand-up-india", "pmmy-mudra"]) {
      expect(CURRENT_SCHEMES.map((scheme) => scheme.id)).toContain(id);
    }
  });

  it("refuses a catalogue whose successor is missing or circular", () => {
    const [first, second] = ANNEX_I_SCHEMES;
    if (!first || !second) throw new Error("catalogue is empty");
    const missing = catalogueSchema.safeParse([{ ...first, successorId: "no-such-scheme" }]);
    expect(missing.success).toBe(false);
    const circular = catalogueSchema.safeParse([
      { ...first, status: "merged", successorId: second.id },
      { ...second, status: "merged", successorId: first.id },
    ]);
    expect(circular.success).toBe(false);
  });

  it("records the known fates: RMK closed, crèches and hostels under Mission Shakti, NCLP in Samagra Shiksha", () => {
    expect(byId.get("rashtriya-mahila-kosh")).toMatchObject({ status: "closed", statusNote: expect.stringContaining("2023") });
    expect(byId.get("working-womens-hostel")).toMatchObject({ status: "merged", successorId: "sakhi-niwas" });
    expect(byId.get("rajiv-gandhi-national-creche")).toMatchObject({ status: "merged", successorId: "palna" });
    expect(byId.get("national-child-labour-project")).toMatchObject({ status: "merged", successorId: "samagra-shiksha" });
    for (const successor of ["sakhi-niwas", "palna", "samagra-shiksha"]) expect(byId.get(successor)?.status).toBe("active");
  });

  it("gives every merged scheme a successor", () => {
    const orphans = SCHEMES.filter((scheme) => scheme.status === "merged" && scheme.successorId === null).map((scheme) => scheme.id);
    expect(orphans).toEqual([]);
  });

  it("lists Annex IV activities in every area, each valid and with a unique id", () => {
    for (const activity of ACTIVITIES) expect(activitySchema.safeParse(activity).success, activity.id).toBe(true);
    expect(new Set(ACTIVITIES.map((activity) => activity.id)).size).toBe(ACTIVITIES.length);
    expect(new Set(ACTIVITIES.map((activity) => activity.area))).toEqual(new Set(AREAS));
  });
});

describe("the keyword tables", () => {
  it("exist for every language Samuh speaks", () => {
    expect(Object.keys(KEYWORDS).sort()).toEqual(LANGUAGES.map((language) => language.code).sort());
  });

  it.each(Object.entries(KEYWORDS))("cover the main concepts in %s", (_language, table) => {
    for (const concept of CORE_CONCEPTS) expect(table[concept]?.length ?? 0, concept).toBeGreaterThan(0);
  });

  it("read every phrase back as its own concept, in its own language", () => {
    const misread: string[] = [];
    for (const [language, table] of Object.entries(KEYWORDS)) {
      for (const concept of CONCEPT_IDS) {
        for (const phrase of table[concept] ?? []) {
          const { concepts, terms } = analyseQuery(phrase, language);
          if (concepts.join() !== concept || terms.length > 0) misread.push(`${language} ${phrase} → ${concepts.join()}`);
        }
      }
    }
    expect(misread).toEqual([]);
  });
});
