import { Box, Button, Card, CardContent, Stack, Typography } from "@mui/material";
import { DateField, Labeled, NumberField, SelectField, Show, TextField, useNotify, usePermissions, useRecordContext, useTranslate, useUpdate } from "react-admin";
import type { CampaignStatus } from "../../../db/schema/campaigns";
import { LIVE_REFRESH_MS, purposeChoices, statusChoices } from "./choices";
import { ProgressBar } from "./ProgressBar";
import type { CampaignRecord } from "./types";

/** Pause, resume and cancel, for moderators; a cancelled campaign offers none. */
function StatusButtons() {
  const record = useRecordContext<CampaignRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const { permissions } = usePermissions<string>();
  const [update, { isPending }] = useUpdate<CampaignRecord>();
  if (!record || record.status === "cancelled" || permissions === "viewer") return null;
  const change = (status: CampaignStatus) => {
    if (status === "cancelled" && !window.confirm(translate("campaigns:console.actions.cancel_confirm"))) return;
    void update("campaigns", { id: record.id, data: { status }, previousData: record }, { onError: (error) => notify(String((error as Error).message), { type: "error" }) });
  };
  return (
    <Stack direction="row" spacing={1}>
      {record.status === "active" ? (
        <Button variant="outlined" disabled={isPending} onClick={() => change("paused")}>
          {translate("campaigns:console.actions.pause")}
        </Button>
      ) : (
        <Button variant="outlined" disabled={isPending} onClick={() => change("active")}>
          {translate("campaigns:console.actions.resume")}
        </Button>
      )}
      <Button color="error" disabled={isPending} onClick={() => change("cancelled")}>
        {translate("campaigns:console.actions.cancel")}
      </Button>
    </Stack>
  );
}

function CampaignPage() {
  const record = useRecordContext<CampaignRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Typography variant="h5" component="h1" gutterBottom>
        {record.clusterName} · {translate(`campaigns:console.purposes.${record.purpose}`)}
      </Typography>
      <Stack direction="row" spacing={4} useFlexGap sx={{ mb: 2, flexWrap: "wrap" }}>
        <Labeled label="campaigns:console.fields.status">
          <SelectField source="status" choices={statusChoices} />
        </Labeled>
        <Labeled label="campaigns:console.fields.startsAt">
          <DateField source="startsAt" showTime />
        </Labeled>
        <Labeled label="campaigns:console.fields.quietFrom">
          <TextField source="quietFrom" />
        </Labeled>
        <Labeled label="campaigns:console.fields.quietUntil">
          <TextField source="quietUntil" />
        </Labeled>
        <Labeled label="campaigns:console.fields.remindAfterDays">
          <NumberField source="remindAfterDays" />
        </Labeled>
        <Labeled label="campaigns:console.fields.maxReminders">
          <NumberField source="maxReminders" />
        </Labeled>
        <Labeled label="campaigns:console.fields.recipients">
          <NumberField source="progress.recipients" />
        </Labeled>
      </Stack>
      <Card variant="outlined" sx={{ mb: 2 }} component="section" aria-labelledby="campaign-progress">
        <CardContent>
          <Typography variant="h6" id="campaign-progress">
            {translate("campaigns:console.fields.progress")}
          </Typography>
          <Typography variant="body2" color="text.secondary" gutterBottom>
            {translate(record.progress.done ? "campaigns:console.progress.done" : "campaigns:console.progress.live")}
          </Typography>
          <ProgressBar counts={record.progress.invitations} title="campaigns:console.progress.invitations" />
          {record.maxReminders > 0 ? <ProgressBar counts={record.progress.reminders} title="campaigns:console.progress.reminders" /> : null}
        </CardContent>
      </Card>
      <StatusButtons />
    </Box>
  );
}

/** One campaign, its progress asked for again every few seconds while the page is open. */
export function CampaignShow() {
  return (
    <Show queryOptions={{ refetchInterval: LIVE_REFRESH_MS }}>
      <CampaignPage />
    </Show>
  );
}
