import { BooleanInput, NumberInput, required, SaveButton, SelectInput, TabbedForm, TextInput, Toolbar, useTranslate } from "react-admin";
import { LANGUAGES } from "../../../locales/languages";
import { sectorChoices, stateChoices } from "./choices";
import { ProfileInput } from "./ProfileInput";
import { profileSections, type ClusterFormValues } from "./profile-form";

const localeChoices = LANGUAGES.map((language) => ({ id: language.code, name: language.nativeName }));

/**
 * The cluster's record and its profile (Tables 2.5 and 2.8), one tab per section of the profile
 * questionnaire, so the console asks exactly what the chat asks a CDA.
 */
export function ClusterForm({ record, creating = false }: { record?: ClusterFormValues & { id: string }; creating?: boolean }) {
  const translate = useTranslate();
  return (
    // No delete button: a cluster is archived with the switch on the first tab, never deleted.
    <TabbedForm
      {...(record ? { record } : {})}
      toolbar={
        <Toolbar>
          <SaveButton />
        </Toolbar>
      }
    >
      <TabbedForm.Tab label="console.cluster.basics">
        <TextInput source="name" validate={required()} fullWidth />
        <SelectInput source="sector" choices={sectorChoices} />
        <SelectInput source="state" choices={stateChoices} />
        <TextInput source="district" />
        <NumberInput source="latitude" min={-90} max={90} />
        <NumberInput source="longitude" min={-180} max={180} />
        <TextInput source="principalProducts" multiline fullWidth />
        <SelectInput source="defaultLocale" choices={localeChoices} translateChoice={false} />
        {creating ? <TextInput source="inviteCode" helperText="console.cluster.invite_code_help" /> : <BooleanInput source="archived" />}
      </TabbedForm.Tab>
      {profileSections.map((section) => (
        <TabbedForm.Tab key={section.id} label={translate(section.titleKey)} path={section.id}>
          {section.introKey ? <p>{translate(section.introKey)}</p> : null}
          {section.items.map((item) => (
            <ProfileInput key={item.id} item={item} />
          ))}
        </TabbedForm.Tab>
      ))}
    </TabbedForm>
  );
}
