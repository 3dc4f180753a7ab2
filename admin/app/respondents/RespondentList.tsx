import {
  AutocompleteInput,
  BooleanField,
  Datagrid,
  DateField,
  FunctionField,
  List,
  NullableBooleanInput,
  NumberField,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectField,
  TextField,
  usePermissions,
  useTranslate,
} from "react-admin";
import { STAKEHOLDER_TYPES } from "../../../core/questionnaires";
import { ForgetButton } from "./ForgetButton";
import type { RespondentRow } from "./types";

const stakeholderChoices = STAKEHOLDER_TYPES.map((id) => ({ id, name: `questionnaires:registration.options.stakeholder_type.${id}` }));

const commonFilters = [
  <ReferenceInput key="clusterId" source="clusterId" reference="clusters" alwaysOn>
    <AutocompleteInput optionText="name" filterToQuery={(q: string) => ({ q })} />
  </ReferenceInput>,
  <NullableBooleanInput key="forgotten" source="forgotten" alwaysOn />,
];

/**
 * The people who answer. Admins see and search their names, to find someone who asked to be
 * forgotten; moderators see the pseudonymous id only, as the API sends nothing more.
 */
export function RespondentList() {
  const { permissions } = usePermissions();
  const translate = useTranslate();
  const admin = permissions === "admin";
  const filters = admin ? [<SearchInput key="q" source="q" alwaysOn />, ...commonFilters] : commonFilters;
  return (
    <List filters={filters} sort={{ field: "createdAt", order: "DESC" }}>
      <Datagrid bulkActionButtons={false} rowClick={false} rowSx={(record) => (record.forgotten ? { opacity: 0.6 } : {})}>
        <TextField source="id" sortable />
        {admin ? (
          <FunctionField<RespondentRow> source="displayName" sortable={false} render={(record) => record.displayName ?? translate("console.response_set.anonymous")} />
        ) : null}
        {admin ? <TextField source="telegramUsername" sortable={false} emptyText="–" /> : null}
        {admin ? <TextField source="enterpriseName" sortable={false} emptyText="–" /> : null}
        <ReferenceField source="clusterId" reference="clusters" link="show" />
        <SelectField source="stakeholderType" choices={stakeholderChoices} />
        <NumberField source="completedScoreCards" sortable={false} />
        <DateField source="createdAt" />
        <BooleanField source="forgotten" sortable={false} />
        <ForgetButton />
      </Datagrid>
    </List>
  );
}
