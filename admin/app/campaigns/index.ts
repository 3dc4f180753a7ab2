import CampaignIcon from "@mui/icons-material/Campaign";
import { CampaignCreate } from "./CampaignCreate";
import { CampaignList } from "./CampaignList";
import { CampaignShow } from "./CampaignShow";

/**
 * The `campaigns` resource: `<Resource name="campaigns" {...campaigns} />`, without `create` for
 * viewers (the API refuses them anyway).
 */
export const campaigns = {
  list: CampaignList,
  create: CampaignCreate,
  show: CampaignShow,
  icon: CampaignIcon,
  options: { label: "campaigns:console.menu" },
  recordRepresentation: "clusterName",
};
