import {
  AutocompleteInput,
  Datagrid,
  DateField,
  FunctionField,
  List,
  NumberField,
  ReferenceInput,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
} from "react-admin";
import { percent, statusChoices } from "./choices";
import type { DeclarationRow } from "./types";

const filters = [
  <SelectInput key="status" source="status" choices={statusChoices} alwaysOn />,
  <ReferenceInput key="clusterId" source="clusterId" reference="clusters" alwaysOn>
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
  <TextInput key="enterpriseId" source="enterpriseId" />,
  <TextInput key="shortCode" source="shortCode" />,
];

/**
 * The review queue: declarations waiting for a moderator first (the default filter), newest first.
 * Names are joined in by the API, so they are not sortable; adherence is computed per row.
 */
export function DeclarationList() {
  return (
    <List filters={filters} filterDefaultValues={{ status: "submitted" }} sort={{ field: "declaredAt", order: "DESC" }} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="shortCode" />
        <TextField source="enterpriseName" sortable={false} />
        <TextField source="clusterName" sortable={false} />
        <NumberField source="version" />
        <DateField source="declaredAt" showTime />
        <FunctionField<DeclarationRow> source="overall" sortable={false} render={(record) => percent(record.overall)} />
        <SelectField source="status" choices={statusChoices} />
        <DateField source="reviewedAt" showTime />
      </Datagrid>
    </List>
  );
}
