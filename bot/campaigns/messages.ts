import type { CampaignMessageKind, CampaignPurpose } from "../../db/schema/campaigns";
import { CAMPAIGN_PURPOSES } from "../../db/schema/campaigns";
import { text, type Reply } from "../conversation/reply";

/**
 * The campaign button's callback data. It is not an `Action`: the channel hands it to the journey
 * as a `resume` (score card) or `/declare` (declaration), which carries on from wherever the person
 * stopped, so an old button still does the right thing weeks later.
 */
const CALLBACK_PREFIX = "campaign|";

export const CAMPAIGN_CALLBACK = new RegExp(`^${CALLBACK_PREFIX.replace("|", "\\|")}(${CAMPAIGN_PURPOSES.join("|")})$`);

/** The purpose a campaign button was for; undefined for data it did not write. */
export function campaignPurposeOf(data: string): CampaignPurpose | undefined {
  const purpose = CAMPAIGN_CALLBACK.exec(data)?.[1];
  return CAMPAIGN_PURPOSES.find((known) => known === purpose);
}

export interface CampaignMessageContent {
  purpose: CampaignPurpose;
  kind: CampaignMessageKind;
  clusterName: string;
}

/** An invitation or reminder, with the button that takes the person on from where they are. */
export function campaignReply(message: CampaignMessageContent): Reply {
  const { purpose, kind } = message;
  return {
    lines: [text(`campaigns:${purpose}.${kind}`, { cluster: message.clusterName }), text("campaigns:stop_hint")],
    buttons: [[{ label: text(`campaigns:${purpose}.${kind === "invitation" ? "start" : "continue"}`), action: `${CALLBACK_PREFIX}${purpose}` }]],
  };
}
