import { Create, NumberInput, ReferenceInput, AutocompleteInput, SelectInput, SimpleForm, TextInput, DateTimeInput, required, regex, useNotify, useRedirect } from "react-admin";
import { purposeChoices } from "./choices";
import type { CampaignRecord } from "./types";

const timeOfDay = regex(/^([01]\d|2[0-3]):[0-5]\d$/, "campaigns:console.fields.quietHelp");

/**
 * A new campaign: which cluster, what to invite to, when to keep quiet and how to remind. The API
 * fills in what is left empty; the recipients are counted when it is created.
 */
export function CampaignCreate() {
  const notify = useNotify();
  const redirect = useRedirect();
  return (
    <Create
      mutationOptions={{
        onSuccess: (record: CampaignRecord) => {
          notify("campaigns:console.created", { messageArgs: { count: record.progress.recipients } });
          redirect("show", "campaigns", record.id);
        },
      }}
    >
      <SimpleForm defaultValues={{ purpose: "score_card", quietFrom: "21:00", quietUntil: "08:00", remindAfterDays: 3, maxReminders: 2 }}>
        <ReferenceInput source="clusterId" reference="clusters" filter={{ archived: false }}>
          <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} validate={required()} label="campaigns:console.fields.cluster" />
        </ReferenceInput>
        <SelectInput source="purpose" choices={purposeChoices} validate={required()} label="campaigns:console.fields.purpose" />
        <TextInput source="quietFrom" validate={[required(), timeOfDay]} label="campaigns:console.fields.quietFrom" helperText="campaigns:console.fields.quietHelp" />
        <TextInput source="quietUntil" validate={[required(), timeOfDay]} label="campaigns:console.fields.quietUntil" />
        <NumberInput source="remindAfterDays" min={1} max={60} validate={required()} label="campaigns:console.fields.remindAfterDays" />
        <NumberInput source="maxReminders" min={0} max={5} validate={required()} label="campaigns:console.fields.maxReminders" />
        <DateTimeInput source="startsAt" label="campaigns:console.fields.startsAt" parse={(value: string) => (value ? new Date(value).toISOString() : undefined)} />
      </SimpleForm>
    </Create>
  );
}
