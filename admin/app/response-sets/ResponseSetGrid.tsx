import { BooleanField, Datagrid, DateField, FunctionField, NumberField, ReferenceField, SelectField, TextField, useTranslate } from "react-admin";
import { STAKEHOLDER_TYPES } from "../../../core/questionnaires";
import { FlagChips } from "./FlagChips";
import { ModerationButton } from "./ModerationButton";
import type { ResponseSetRow } from "./types";

const stakeholderChoices = STAKEHOLDER_TYPES.map((id) => ({ id, name: `questionnaires:registration.options.stakeholder_type.${id}` }));

/** The response sets table, shared by the list page and the cluster page. */
export function ResponseSetGrid({ showCluster = true }: { showCluster?: boolean }) {
  const translate = useTranslate();
  return (
    <Datagrid bulkActionButtons={false} rowClick={false} rowSx={(record) => (record.excluded ? { opacity: 0.6 } : {})}>
      {showCluster ? <ReferenceField source="clusterId" reference="clusters" link="show" /> : null}
      <FunctionField<ResponseSetRow> source="respondentName" sortable={false} render={(record) => record.respondentName ?? translate("console.response_set.anonymous")} />
      <SelectField source="stakeholderType" choices={stakeholderChoices} sortable={false} />
      <TextField source="questionnaireId" />
      <DateField source="completedAt" showTime />
      <NumberField source="durationSeconds" sortable={false} />
      <FunctionField<ResponseSetRow> source="flags" sortable={false} render={(record) => <FlagChips flags={record.flags} />} />
      <BooleanField source="excluded" sortable={false} />
      <TextField source="exclusionReason" sortable={false} />
      <ModerationButton />
    </Datagrid>
  );
}
