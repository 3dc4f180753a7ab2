import type { Adherence } from "../../../core/declarations";
import type { Declaration } from "../../../db/schema";

/** A row of `GET /api/declarations`: the declaration without its answers, with names and overall adherence. */
export type DeclarationRow = Omit<Declaration, "answers"> & {
  enterpriseName: string | null;
  clusterName: string | null;
  overall: number | null;
};

/** `GET /api/declarations/:id`: the row plus answers, adherence per principle and the hash check. */
export type DeclarationRecord = DeclarationRow & {
  answers: Declaration["answers"];
  adherence: Adherence;
  verified: boolean;
  canonical: string;
};
