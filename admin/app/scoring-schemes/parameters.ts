import { ENGAGEMENT_METHODS } from "../../../core/scoring";

export const engagementMethodChoices = ENGAGEMENT_METHODS.map((id) => ({ id, name: `scoring:engagement_method.${id}` }));

/** How one number of a scheme is entered: its bounds, as core's schema has them, and whether it is whole. */
export interface NumberParameter {
  source: string;
  min: number;
  max?: number;
  integer?: boolean;
}

const share = (source: string): NumberParameter => ({ source, min: 0, max: 1 });
const rating = (source: string): NumberParameter => ({ source, min: 0, max: 5 });

export interface ParameterGroup {
  id: "weights" | "respondents" | "classThresholds" | "mapLevels" | "moderation";
  fields: readonly NumberParameter[];
}

/**
 * A scheme's numbers in groups, in the order the show page and the form present them. A group with a
 * rule across its fields (the weights add up to 1, thresholds rise) is named like that rule's path.
 */
export const PARAMETER_GROUPS: readonly ParameterGroup[] = [
  { id: "weights", fields: ["awareness", "intensity", "engagement", "economic"].map((name) => share(`weights.${name}`)) },
  {
    id: "respondents",
    fields: [
      { source: "minimumCountedRespondents", min: 1, integer: true },
      { source: "divergenceSd", min: 0 },
    ],
  },
  { id: "classThresholds", fields: ["aware", "engagedLow", "engagedModerate", "engagedHigh"].map((name) => rating(`classThresholds.${name}`)) },
  { id: "mapLevels", fields: ["medium", "high"].map((name) => rating(`mapLevels.${name}`)) },
  {
    id: "moderation",
    fields: [
      { source: "moderation.speedingMinimumSeconds", min: 0 },
      { source: "moderation.outlierZ", min: 0 },
    ],
  },
];
