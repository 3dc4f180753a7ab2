import { useEffect, useState } from "react";
import {
  Datagrid,
  DateField,
  FunctionField,
  List,
  NullableBooleanInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  useNotify,
} from "react-admin";
import { apiUrl, httpClient } from "../providers/api";
import { SchemeListActions } from "./SchemeActions";
import { TagChips } from "./TagChips";
import { groupChoices, issueChoices, sourceChoices, statusChoices } from "./choices";
import type { SchemeRow } from "./types";

/** The ministries current schemes name, for the ministry filter; the API lists them. */
function useMinistries() {
  const notify = useNotify();
  const [ministries, setMinistries] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    httpClient(apiUrl("/schemes/_ministries"))
      .then(({ json }) => setMinistries((json as string[]).map((name) => ({ id: name, name }))))
      .catch((error: unknown) => notify(error instanceof Error ? error.message : String(error), { type: "error" }));
  }, [notify]);
  return ministries;
}

/** The catalogue the bots suggest from; retired entries are hidden unless asked for. */
export function SchemeList() {
  const ministries = useMinistries();
  const filters = [
    <SearchInput key="q" source="q" alwaysOn />,
    <SelectInput key="status" source="status" choices={statusChoices} />,
    <SelectInput key="ministry" source="ministry" choices={ministries} translateChoice={false} />,
    <SelectInput key="issue" source="issue" choices={issueChoices} />,
    <SelectInput key="group" source="group" choices={groupChoices} />,
    <SelectInput key="source" source="source" choices={sourceChoices} />,
    <NullableBooleanInput key="retired" source="retired" />,
  ];
  return (
    <List filters={filters} filterDefaultValues={{ retired: false }} sort={{ field: "name", order: "ASC" }} actions={<SchemeListActions />} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <TextField source="ministry" />
        <SelectField source="status" choices={statusChoices} />
        <FunctionField<SchemeRow> source="groups" sortable={false} render={(record) => <TagChips ids={record.groups} choices={groupChoices} />} />
        <SelectField source="source" choices={sourceChoices} />
        <DateField source="updatedAt" />
        <DateField source="retiredAt" />
      </Datagrid>
    </List>
  );
}
