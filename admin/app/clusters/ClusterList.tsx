import {
  BooleanField,
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  NullableBooleanInput,
  NumberField,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  usePermissions,
} from "react-admin";
import { SCORE_FORMAT } from "../format";
import { ClassChips } from "./ClassChips";
import { EligibleChips } from "./EligibilityBadges";
import { ExportButtons } from "./ExportButtons";
import { classChoices, mapCellChoices, sectorChoices, stateChoices } from "./choices";
import type { ClusterRow } from "./types";

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="state" source="state" choices={stateChoices} />,
  <SelectInput key="sector" source="sector" choices={sectorChoices} />,
  <SelectInput key="mapCell" source="mapCell" choices={mapCellChoices} />,
  <NullableBooleanInput key="provisional" source="provisional" />,
  <SelectInput key="class" source="class" choices={classChoices} />,
];

function Actions() {
  const { permissions } = usePermissions();
  return (
    <TopToolbar>
      {permissions !== "viewer" ? <CreateButton /> : null}
      <ExportButtons />
    </TopToolbar>
  );
}

/** Every cluster with its score, sortable by any column; the least engaged are one click away. */
export function ClusterList() {
  return (
    <List filters={filters} sort={{ field: "name", order: "ASC" }} actions={<Actions />} perPage={25}>
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="name" />
        <SelectField source="state" choices={stateChoices} />
        <SelectField source="sector" choices={sectorChoices} />
        <NumberField source="consolidated" options={SCORE_FORMAT} />
        <NumberField source="awareness" options={SCORE_FORMAT} />
        <NumberField source="intensity" options={SCORE_FORMAT} />
        <NumberField source="engagement" options={SCORE_FORMAT} />
        <NumberField source="economic" options={SCORE_FORMAT} />
        <FunctionField<ClusterRow> source="classes" render={(record) => <ClassChips labels={record.classes} />} />
        <NumberField source="mapCell" />
        <BooleanField source="provisional" />
        <NumberField source="countedRespondents" />
        <FunctionField<ClusterRow>
          source="eligibleFor"
          sortable
          render={(record) => <EligibleChips ids={record.eligibleFor} />}
        />
      </Datagrid>
    </List>
  );
}
