import { describe, expect, it } from "vitest";
import { ZodError } from "zod";
import { GUIDE_RECIPROCAL_SCHEME, GUIDE_SCHEME, parseScoringScheme } from "../../../core/scoring";

function messagesOf(raw: unknown): string[] {
  try {
    parseScoringScheme(raw);
  } catch (error) {
    if (error instanceof ZodError) return error.issues.map((issue) => issue.message);
    throw error;
  }
  return [];
}

describe("the guide's schemes", () => {
  it("are valid and differ only in name and engagement method", () => {
    expect(parseScoringScheme(GUIDE_SCHEME)).toEqual(GUIDE_SCHEME);
    expect(parseScoringScheme(GUIDE_RECIPROCAL_SCHEME)).toEqual(GUIDE_RECIPROCAL_SCHEME);
    expect(GUIDE_SCHEME.engagementMethod).toBe("linear");
    expect(GUIDE_RECIPROCAL_SCHEME.engagementMethod).toBe("guide-reciprocal");
    expect({ ...GUIDE_RECIPROCAL_SCHEME, name: "guide", engagementMethod: "linear" }).toEqual(GUIDE_SCHEME);
  });

  it("carry the guide's numbers", () => {
    expect(GUIDE_SCHEME.weights).toEqual({ awareness: 0.2, intensity: 0.25, engagement: 0.15, economic: 0.4 });
    expect(GUIDE_SCHEME.classThresholds).toEqual({ aware: 1, engagedLow: 1, engagedModerate: 2.5, engagedHigh: 4 });
    expect(GUIDE_SCHEME.mapLevels).toEqual({ medium: 5 / 3, high: 10 / 3 });
    expect(GUIDE_SCHEME.minimumCountedRespondents).toBe(3);
    expect(GUIDE_SCHEME.divergenceSd).toBe(1.5);
    expect(GUIDE_SCHEME.moderation).toEqual({ speedingMinimumSeconds: 60, outlierZ: 2.5 });
  });
});

describe("parseScoringScheme", () => {
  it("accepts an edited scheme whose weights add up to 1", () => {
    const pilot = { ...GUIDE_SCHEME, name: "pilot", version: 2, weights: { awareness: 0.3, intensity: 0.3, engagement: 0.1, economic: 0.3 } };
    expect(parseScoringScheme(pilot).name).toBe("pilot");
  });

  it("rejects weights that do not add up to 1, saying so", () => {
    const messages = messagesOf({ ...GUIDE_SCHEME, weights: { ...GUIDE_SCHEME.weights, economic: 0.3 } });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/weights must add up to 1/);
    expect(messages[0]).toMatch(/0\.9/);
  });

  it("rejects a scheme with only the economic weight, which leaves BR significance undefined", () => {
    const messages = messagesOf({ ...GUIDE_SCHEME, weights: { awareness: 0, intensity: 0, engagement: 0, economic: 1 } });
    expect(messages.join(" ")).toMatch(/awareness, intensity and engagement/);
  });

  it("rejects thresholds and map bounds out of order", () => {
    expect(messagesOf({ ...GUIDE_SCHEME, classThresholds: { aware: 1, engagedLow: 3, engagedModerate: 2.5, engagedHigh: 4 } }).join(" ")).toMatch(/must rise/);
    expect(messagesOf({ ...GUIDE_SCHEME, mapLevels: { medium: 3, high: 2 } }).join(" ")).toMatch(/Medium bound/);
  });

  it("rejects an unknown engagement method, a missing name and a non-integer version", () => {
    expect(messagesOf({ ...GUIDE_SCHEME, engagementMethod: "log" })).not.toEqual([]);
    expect(messagesOf({ ...GUIDE_SCHEME, name: "  " })).not.toEqual([]);
    expect(messagesOf({ ...GUIDE_SCHEME, version: 1.5 })).not.toEqual([]);
  });
});
