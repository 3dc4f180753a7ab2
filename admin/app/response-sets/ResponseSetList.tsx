import { List, NullableBooleanInput, ReferenceInput, SelectInput, AutocompleteInput } from "react-admin";
import { scoreCard } from "../../../core/questionnaires";
import { ResponseSetGrid } from "./ResponseSetGrid";

const filters = [
  <ReferenceInput key="clusterId" source="clusterId" reference="clusters" alwaysOn>
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
  <NullableBooleanInput key="excluded" source="excluded" alwaysOn />,
  <SelectInput key="status" source="status" choices={[{ id: "completed", name: "console.response_set.completed" }, { id: "in_progress", name: "console.response_set.in_progress" }]} />,
];

/** Score cards across clusters, newest first, with their flags; moderators exclude and restore here. */
export function ResponseSetList() {
  return (
    <List filters={filters} filter={{ questionnaireId: scoreCard.id }} filterDefaultValues={{ status: "completed" }} sort={{ field: "completedAt", order: "DESC" }}>
      <ResponseSetGrid />
    </List>
  );
}
