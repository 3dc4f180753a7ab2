import { CAMPAIGN_PURPOSES, CAMPAIGN_STATUSES } from "../../../db/schema/campaigns";

export const purposeChoices = CAMPAIGN_PURPOSES.map((id) => ({ id, name: `campaigns:console.purposes.${id}` }));
export const statusChoices = CAMPAIGN_STATUSES.map((id) => ({ id, name: `campaigns:console.statuses.${id}` }));

/** How often open pages ask for progress while a campaign is sending. */
export const LIVE_REFRESH_MS = 3_000;
