import { CLASSIFICATION_GRID, checkEligibility } from "../../../core/scoring";
import type { ClusterScore } from "../../../core/scoring";
import type { ClusterWithScore } from "../../../db/repositories/clusters";
import type { Cluster, ClusterScoreRow } from "../../../db/schema";
import { eligibilityFacts } from "./eligibility-facts";
import { telegramDeepLink } from "./invite";

/** One row of the clusters list: the headline score, its class labels, map cell and badges. */
export function clusterListItem(cluster: Cluster, score: ClusterScoreRow | null) {
  const breakdown: ClusterScore | null = score?.breakdown ?? null;
  return {
    id: cluster.id,
    name: cluster.name,
    sector: cluster.sector,
    state: cluster.state,
    district: cluster.district,
    inviteCode: cluster.inviteCode,
    archived: cluster.archivedAt !== null,
    createdAt: cluster.createdAt,
    updatedAt: cluster.updatedAt,
    consolidated: score?.consolidated ?? null,
    awareness: score?.awareness ?? null,
    intensity: score?.intensity ?? null,
    engagement: score?.engagement ?? null,
    economic: score?.economic ?? null,
    brSignificance: score?.brSignificance ?? null,
    mapCell: score?.mapCell ?? null,
    priorityRank: breakdown?.mapCell.priorityRank ?? null,
    /** A cluster nobody has answered for yet is provisional too. */
    provisional: score?.provisional ?? true,
    classes: (breakdown?.classes ?? []).flatMap((c) => (c.label === null ? [] : [c.label])),
    countedRespondents: breakdown?.counted ?? 0,
    excludedRespondents: breakdown?.excluded ?? 0,
    eligibleFor: checkEligibility(eligibilityFacts(cluster)).flatMap((check) => (check.met === true ? [check.id] : [])),
    scoredAt: score?.computedAt ?? null,
    scheme: score ? `${score.schemeName}@${score.schemeVersion}` : null,
  };
}

export type ClusterListItem = ReturnType<typeof clusterListItem>;

export interface InviteOptions {
  publicUrl?: string | undefined;
  telegramBotUsername?: string | undefined;
}

/** Everything the cluster page shows: the list row plus the full breakdown, grid, checks and invite. */
export function clusterDetail({ score, ...cluster }: ClusterWithScore, invite: InviteOptions) {
  const qrPath = `/api/clusters/${encodeURIComponent(cluster.id)}/qr.svg`;
  const deepLink = telegramDeepLink(invite.telegramBotUsername, cluster.inviteCode);
  return {
    ...clusterListItem(cluster, score),
    latitude: cluster.latitude,
    longitude: cluster.longitude,
    principalProducts: cluster.principalProducts,
    defaultLocale: cluster.defaultLocale,
    timezone: cluster.timezone,
    slackChannelId: cluster.slackChannelId,
    profile: cluster.profile,
    score: score?.breakdown ?? null,
    grid: CLASSIFICATION_GRID,
    eligibility: checkEligibility(eligibilityFacts(cluster)),
    invite: {
      code: cluster.inviteCode,
      deepLink,
      /** The QR code encodes the deep link, so there is none without it. */
      qrCodeUrl: deepLink === null ? null : invite.publicUrl ? new URL(qrPath, invite.publicUrl).toString() : qrPath,
    },
  };
}
