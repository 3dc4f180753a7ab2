import type { CampaignProgress } from "../../../db/repositories/campaigns";
import type { Campaign } from "../../../db/schema/campaigns";

/** A campaign as the API sends it: the row, its cluster's name and where its messages are. */
export interface CampaignRecord extends Campaign {
  clusterName: string | null;
  progress: CampaignProgress;
}
