import { BooleanInput, Create, Edit, email, minLength, PasswordInput, required, SelectInput, SimpleForm, TextInput } from "react-admin";
import { roleChoices } from "./roles";

const passwordRules = [minLength(12)];

/** Passwords are write-only: left empty on edit, the old one stays. */
export function UserEdit() {
  return (
    <Edit mutationMode="pessimistic">
      <SimpleForm>
        <TextInput source="email" disabled />
        <TextInput source="name" validate={required()} />
        <SelectInput source="role" choices={roleChoices} validate={required()} />
        <BooleanInput source="disabled" />
        <PasswordInput source="password" validate={passwordRules} helperText="console.user.password_keep" />
      </SimpleForm>
    </Edit>
  );
}

export function UserCreate() {
  return (
    <Create redirect="list">
      <SimpleForm>
        <TextInput source="email" type="email" validate={[required(), email()]} />
        <TextInput source="name" validate={required()} />
        <SelectInput source="role" choices={roleChoices} validate={required()} defaultValue="viewer" />
        <PasswordInput source="password" validate={[required(), ...passwordRules]} helperText="console.user.password_rule" />
      </SimpleForm>
    </Create>
  );
}
