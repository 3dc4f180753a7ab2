import type { StakeholderType } from "../../../core/questionnaires";

/** A row of `/api/respondents`; the personal fields are there for admins only. */
export interface RespondentRow {
  id: string;
  clusterId: string | null;
  stakeholderType: StakeholderType | null;
  completedScoreCards: number;
  createdAt: string;
  forgotten: boolean;
  forgottenAt: string | null;
  displayName?: string | null;
  telegramUsername?: string | null;
  enterpriseName?: string | null;
}
