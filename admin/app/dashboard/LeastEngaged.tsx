import { Alert, Button, Card, CardContent, List, ListItemButton, ListItemText, Typography } from "@mui/material";
import { Link, useCreatePath, useGetList, useTranslate } from "react-admin";
import type { ClusterRow } from "../clusters/types";
import { score } from "../format";

/**
 * The clusters doing least about their issues (lowest engagement G), the first place a newcomer
 * should look. Clusters nobody has answered for yet have no engagement and are listed last by the API.
 */
export function LeastEngaged() {
  const translate = useTranslate();
  const createPath = useCreatePath();
  const { data, isPending, error } = useGetList<ClusterRow>("clusters", {
    sort: { field: "engagement", order: "ASC" },
    pagination: { page: 1, perPage: 5 },
  });
  const scored = (data ?? []).filter((cluster) => cluster.engagement !== null);
  const least = scored[0];
  return (
    <Card component="section" aria-labelledby="least-engaged">
      <CardContent>
        <Typography variant="h6" id="least-engaged" gutterBottom>{translate("console.dashboard.least_engaged")}</Typography>
        <Typography variant="body2" color="text.secondary" gutterBottom>{translate("console.dashboard.least_engaged_help")}</Typography>
        {error ? <Alert severity="error">{error.message}</Alert> : null}
        {!isPending && !least ? <Alert severity="info">{translate("console.dashboard.no_scores")}</Alert> : null}
        {least ? (
          <Alert severity="warning" sx={{ my: 1 }} data-testid="least-engaged-cluster">
            {translate("console.dashboard.least_engaged_is", { name: least.name, engagement: score(least.engagement) })}
          </Alert>
        ) : null}
        <List dense>
          {scored.map((cluster) => (
            <ListItemButton key={cluster.id} component={Link} to={createPath({ resource: "clusters", id: cluster.id, type: "show" })}>
              <ListItemText
                primary={cluster.name}
                secondary={translate("console.dashboard.cluster_line", {
                  engagement: score(cluster.engagement),
                  consolidated: score(cluster.consolidated),
                  counted: cluster.countedRespondents,
                })}
              />
            </ListItemButton>
          ))}
        </List>
        <Button component={Link} to={{ pathname: "/clusters", search: `?sort=engagement&order=ASC` }}>
          {translate("console.dashboard.all_by_engagement")}
        </Button>
      </CardContent>
    </Card>
  );
}
