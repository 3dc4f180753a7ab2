import type { SchemeRecord } from "../../../db/repositories/schemes";

/** What `/api/schemes` answers: the catalogue entry and its bookkeeping times. */
export type SchemeRow = SchemeRecord;
