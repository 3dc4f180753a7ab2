import type { DeclaredAnswers } from "./answers";
import { elementCode, type PrincipleSet } from "./principle-set";

/** How one principle stands in one declaration. */
export interface PrincipleAdherence {
  principle: number;
  yes: number;
  partly: number;
  notYet: number;
  notApplicable: number;
  /** Elements answered yes, partly or not yet: what the share is taken over. */
  applicable: number;
  /** (yes + ½ partly) / applicable, 0–1; null when nothing applies. */
  share: number | null;
}

export interface Adherence {
  principles: PrincipleAdherence[];
  /** The same share over every applicable element of the set; null when nothing applies. */
  overall: number | null;
}

const shareOf = (yes: number, partly: number, applicable: number) => (applicable === 0 ? null : (yes + partly / 2) / applicable);

/**
 * A declaration's adherence (SPEC §7): per principle, the share of applicable elements answered
 * yes, partly counting half; "not applicable" leaves an element out. Overall weighs every element
 * alike, so a principle with nine elements counts for more than one with three.
 *
 * @example adherence(nvgAnnexIII, { "P7.1": { answer: "yes" }, "P7.2": { answer: "partly" }, "P7.3": { answer: "not_applicable" } }).principles[6].share // 0.75
 */
export function adherence(set: PrincipleSet, answers: DeclaredAnswers): Adherence {
  const principles = set.principles.map((principle) => {
    const counts = { yes: 0, partly: 0, notYet: 0, notApplicable: 0 };
    for (let element = 1; element <= principle.elements; element++) {
      const answer = answers[elementCode(principle.number, element)]?.answer;
      if (answer === "yes") counts.yes++;
      else if (answer === "partly") counts.partly++;
      else if (answer === "not_yet") counts.notYet++;
      else if (answer === "not_applicable") counts.notApplicable++;
    }
    const applicable = counts.yes + counts.partly + counts.notYet;
    return { principle: principle.number, ...counts, applicable, share: shareOf(counts.yes, counts.partly, applicable) };
  });
  const total = (field: "yes" | "partly" | "applicable") => principles.reduce((sum, p) => sum + p[field], 0);
  return { principles, overall: shareOf(total("yes"), total("partly"), total("applicable")) };
}

export interface GroupAdherence {
  /** Per principle: the mean share over the declarations where it applies, and how many those are. */
  principles: { principle: number; share: number | null; declarations: number }[];
  /** The mean of the declarations' overall shares. */
  overall: number | null;
  declarations: number;
}

const mean = (values: readonly number[]) => (values.length === 0 ? null : values.reduce((a, b) => a + b, 0) / values.length);

/**
 * Adherence of a group of enterprises (a cluster), one declaration each: every enterprise weighs
 * the same, whatever its size or number of applicable elements, so one large firm cannot stand in
 * for the cluster.
 */
export function groupAdherence(set: PrincipleSet, declarations: readonly Adherence[]): GroupAdherence {
  const principles = set.principles.map((principle) => {
    const shares = declarations.flatMap((d) => {
      const share = d.principles.find((p) => p.principle === principle.number)?.share;
      return share === null || share === undefined ? [] : [share];
    });
    return { principle: principle.number, share: mean(shares), declarations: shares.length };
  });
  const overall = mean(declarations.flatMap((d) => (d.overall === null ? [] : [d.overall])));
  return { principles, overall, declarations: declarations.length };
}
