import { CreateButton, Datagrid, DateField, FunctionField, List, NumberField, SelectField, TextField, TopToolbar, usePermissions } from "react-admin";
import { SchemeChips } from "./SchemeChips";
import { engagementMethodChoices } from "./parameters";
import type { ScoringSchemeRow } from "./types";

function Actions() {
  const { permissions } = usePermissions();
  return <TopToolbar>{permissions === "admin" ? <CreateButton label="console.scoring_scheme.create" /> : null}</TopToolbar>;
}

const WEIGHTS = ["awareness", "intensity", "engagement", "economic"] as const;

/** Every scheme version, the built-in ones included, with the one in use marked. */
export function ScoringSchemeList() {
  return (
    <List sort={{ field: "name", order: "ASC" }} actions={<Actions />} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <NumberField source="version" />
        <FunctionField<ScoringSchemeRow> source="active" render={(record) => <SchemeChips record={record} />} />
        <SelectField source="engagementMethod" choices={engagementMethodChoices} />
        {WEIGHTS.map((weight) => (
          <NumberField key={weight} source={`weights.${weight}`} sortable={false} />
        ))}
        <DateField source="createdAt" emptyText="–" />
      </Datagrid>
    </List>
  );
}
