import { BooleanField, Datagrid, DateField, EmailField, List, SearchInput, SelectField, SelectInput, TextField } from "react-admin";
import { roleChoices } from "./roles";

const filters = [<SearchInput key="q" source="q" alwaysOn />, <SelectInput key="role" source="role" choices={roleChoices} />];

export function UserList() {
  return (
    <List filters={filters} sort={{ field: "email", order: "ASC" }}>
      <Datagrid rowClick="edit" bulkActionButtons={false}>
        <EmailField source="email" />
        <TextField source="name" />
        <SelectField source="role" choices={roleChoices} />
        <BooleanField source="disabled" sortable={false} />
        <DateField source="createdAt" />
      </Datagrid>
    </List>
  );
}
