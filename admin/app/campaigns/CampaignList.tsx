import { Datagrid, DateField, FunctionField, List, ReferenceInput, AutocompleteInput, SelectField, SelectInput, TextField, useTranslate } from "react-admin";
import { LIVE_REFRESH_MS, purposeChoices, statusChoices } from "./choices";
import type { CampaignRecord } from "./types";

const filters = [
  <ReferenceInput key="clusterId" source="clusterId" reference="clusters" alwaysOn>
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} label="campaigns:console.fields.cluster" />
  </ReferenceInput>,
  <SelectInput key="status" source="status" choices={statusChoices} label="campaigns:console.fields.status" />,
];

/** Every campaign, newest first, with its sent count kept current. */
export function CampaignList() {
  const translate = useTranslate();
  return (
    <List filters={filters} sort={{ field: "createdAt", order: "DESC" }} queryOptions={{ refetchInterval: LIVE_REFRESH_MS }}>
      <Datagrid bulkActionButtons={false} rowClick="show">
        <TextField source="clusterName" label="campaigns:console.fields.cluster" sortable={false} />
        <SelectField source="purpose" choices={purposeChoices} label="campaigns:console.fields.purpose" />
        <SelectField source="status" choices={statusChoices} label="campaigns:console.fields.status" />
        <DateField source="startsAt" showTime label="campaigns:console.fields.startsAt" />
        <FunctionField<CampaignRecord>
          label="campaigns:console.fields.progress"
          sortable={false}
          render={(record) =>
            record.progress.done
              ? `${translate("campaigns:console.progress.done")} · ${translate("campaigns:console.progress.sent")} ${record.progress.invitations.sent} / ${record.progress.recipients}`
              : `${translate("campaigns:console.progress.sent")} ${record.progress.invitations.sent} / ${record.progress.recipients}`
          }
        />
      </Datagrid>
    </List>
  );
}
