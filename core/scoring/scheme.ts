import { z } from "zod";

/**
 * A scoring scheme: every number the cluster score depends on, as named and versioned data, so an
 * admin can change it and every export can say which scheme produced it (SPEC §3).
 */

const share = z.number().min(0).max(1);
const score = z.number().min(0).max(5);

/** Sums are checked with a tolerance: 0.2 + 0.25 + 0.15 + 0.4 is not exactly 1 in binary. */
const WEIGHT_SUM_TOLERANCE = 1e-9;

export const ENGAGEMENT_METHODS = ["linear", "guide-reciprocal"] as const;
export type EngagementMethod = (typeof ENGAGEMENT_METHODS)[number];

export const scoringSchemeSchema = z
  .object({
    name: z.string().trim().min(1),
    version: z.number().int().positive(),
    /** Table 2.9: the four components of the consolidated score. */
    weights: z.object({
      awareness: share,
      intensity: share,
      engagement: share,
      economic: share,
    }),
    engagementMethod: z.enum(ENGAGEMENT_METHODS),
    /** Below this many counted respondents a cluster score is provisional. */
    minimumCountedRespondents: z.number().int().min(1),
    /** An issue's views diverge when the SD of its intensity ratings reaches this. */
    divergenceSd: z.number().min(0),
    /** Table 1.4: `aware` bounds mean existence; the others bound engagement g. */
    classThresholds: z.object({
      aware: score,
      engagedLow: score,
      engagedModerate: score,
      engagedHigh: score,
    }),
    /** Tables 2.3–2.4: Low below `medium`, High from `high`. */
    mapLevels: z.object({ medium: score, high: score }),
    moderation: z.object({
      speedingMinimumSeconds: z.number().min(0),
      outlierZ: z.number().positive(),
    }),
  })
  .superRefine((scheme, ctx) => {
    const { awareness, intensity, engagement, economic } = scheme.weights;
    const sum = awareness + intensity + engagement + economic;
    if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE) {
      ctx.addIssue({
        code: "custom",
        path: ["weights"],
        // toPrecision hides binary noise so the admin reads 0.9, not 0.8999999999999999.
        message: `The four weights must add up to 1; these add up to ${Number(sum.toPrecision(12))}.`,
      });
    }
    // BR significance divides by the non-economic weights, so they cannot all be zero.
    if (awareness + intensity + engagement <= 0) {
      ctx.addIssue({
        code: "custom",
        path: ["weights"],
        message: "At least one of the awareness, intensity and engagement weights must be above 0.",
      });
    }
    const { engagedLow, engagedModerate, engagedHigh } = scheme.classThresholds;
    if (!(engagedLow <= engagedModerate && engagedModerate <= engagedHigh)) {
      ctx.addIssue({
        code: "custom",
        path: ["classThresholds"],
        message: "Engagement thresholds must rise: engagedLow ≤ engagedModerate ≤ engagedHigh.",
      });
    }
    if (!(scheme.mapLevels.medium < scheme.mapLevels.high)) {
      ctx.addIssue({
        code: "custom",
        path: ["mapLevels"],
        message: "The Medium bound of the map must be below the High bound.",
      });
    }
  });

export type ScoringScheme = z.infer<typeof scoringSchemeSchema>;

/** The guide's scheme with the linear engagement reading: the default. */
export const GUIDE_SCHEME: ScoringScheme = {
  name: "guide",
  version: 1,
  weights: { awareness: 0.2, intensity: 0.25, engagement: 0.15, economic: 0.4 },
  engagementMethod: "linear",
  minimumCountedRespondents: 3,
  divergenceSd: 1.5,
  classThresholds: { aware: 1.0, engagedLow: 1.0, engagedModerate: 2.5, engagedHigh: 4.0 },
  mapLevels: { medium: 5 / 3, high: 10 / 3 },
  moderation: { speedingMinimumSeconds: 60, outlierZ: 2.5 },
};

/** The guide's scheme with its printed, non-linear engagement formula (see `engagement.ts`). */
export const GUIDE_RECIPROCAL_SCHEME: ScoringScheme = {
  ...GUIDE_SCHEME,
  name: "guide-reciprocal",
  engagementMethod: "guide-reciprocal",
};

/**
 * Validates a scheme an admin entered or the database returned. Throws a `ZodError` whose
 * messages say what is wrong, e.g. "The four weights must add up to 1; these add up to 0.9."
 *
 * @example parseScoringScheme({ ...GUIDE_SCHEME, name: "pilot", version: 2 })
 */
export function parseScoringScheme(raw: unknown): ScoringScheme {
  return scoringSchemeSchema.parse(raw);
}
