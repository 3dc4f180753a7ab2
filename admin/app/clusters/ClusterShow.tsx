import { Box, Grid, Typography } from "@mui/material";
import {
  EditButton,
  Loading,
  Pagination,
  ReferenceManyField,
  Show,
  TopToolbar,
  usePermissions,
  useRecordContext,
  useTranslate,
} from "react-admin";
import { scoreCard } from "../../../core/questionnaires";
import { ResponseSetGrid } from "../response-sets/ResponseSetGrid";
import { ClassGrid } from "./ClassGrid";
import { ClusterMap } from "./ClusterMap";
import { EligibilityBadges } from "./EligibilityBadges";
import { InviteCard } from "./InviteCard";
import { IssueChart } from "./IssueChart";
import { IssueTable } from "./IssueTable";
import { ScoreSummary } from "./ScoreSummary";
import type { ClusterRecord, ClusterRow } from "./types";
import { Section } from "../layout/Section";

function ClusterPage() {
  const record = useRecordContext<ClusterRecord | ClusterRow>();
  const translate = useTranslate();
  // react-admin first shows the row cached by the list; the breakdown arrives with the full record.
  if (!record || !("grid" in record)) return <Loading />;
  const score = record.score;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h5" component="h1" gutterBottom>{record.name}</Typography>
      <Section id="score" title={translate("console.cluster.score")}>
        <ScoreSummary record={record} />
      </Section>
      {score && score.counted > 0 ? (
        <>
          <Section id="chart" title={translate("console.cluster.chart")}>
            <IssueChart issues={score.issues} />
          </Section>
          <Section id="issues" title={translate("console.cluster.issues")}>
            <Typography variant="body2" color="text.secondary" gutterBottom>{translate("console.cluster.issues_help")}</Typography>
            <IssueTable issues={score.issues} priorities={score.priorities} />
          </Section>
        </>
      ) : null}
      <Grid container spacing={2}>
        <Grid size={{ xs: 12, xl: 6 }}>
          <Section id="map" title={translate("console.map.title")}>
            <ClusterMap cell={record.mapCell} />
            <Typography variant="body2" sx={{ mt: 1 }}>
              {record.mapCell === null
                ? translate("console.map.no_cell")
                : translate(record.priorityRank ? "console.map.in_priority" : "console.map.not_priority", { cell: record.mapCell, rank: record.priorityRank ?? "" })}
            </Typography>
          </Section>
        </Grid>
        <Grid size={{ xs: 12, xl: 6 }}>
          <Section id="grid" title={translate("console.cluster.grid")}>
            <ClassGrid grid={record.grid} classes={score?.classes ?? []} />
          </Section>
        </Grid>
      </Grid>
      <Section id="eligibility" title={translate("console.cluster.eligibility")}>
        <EligibilityBadges checks={record.eligibility} />
      </Section>
      <Section id="invite" title={translate("console.cluster.invite")}>
        <InviteCard record={record} />
      </Section>
      <Section id="responses" title={translate("console.cluster.responses")}>
        <ReferenceManyField
          reference="response-sets"
          target="clusterId"
          filter={{ questionnaireId: scoreCard.id, status: "completed" }}
          sort={{ field: "completedAt", order: "DESC" }}
          pagination={<Pagination />}
        >
          <ResponseSetGrid showCluster={false} />
        </ReferenceManyField>
      </Section>
    </Box>
  );
}

function Actions() {
  const { permissions } = usePermissions();
  return <TopToolbar>{permissions !== "viewer" ? <EditButton /> : null}</TopToolbar>;
}

/** One cluster: its score and how it was reached, where it stands, and the respondents behind it. */
export function ClusterShow() {
  return (
    <Show actions={<Actions />} component="div">
      <ClusterPage />
    </Show>
  );
}
