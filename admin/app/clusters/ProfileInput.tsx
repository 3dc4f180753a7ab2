import { NumberInput, SelectInput, TextInput, useTranslate } from "react-admin";
import type { Item } from "../../../core/questionnaire";
import { fieldOf } from "./profile-form";

/** One profile question as a form input of the matching kind, labelled with the question itself. */
export function ProfileInput({ item }: { item: Item }) {
  const translate = useTranslate();
  const common = { source: fieldOf(item), label: item.key, fullWidth: true, ...(item.helpKey ? { helperText: item.helpKey } : {}) };
  switch (item.type) {
    case "scale":
      return (
        <SelectInput
          {...common}
          translateChoice={false}
          choices={item.anchors.map((anchor, index) => ({ id: item.min + index, name: `${item.min + index} – ${translate(anchor)}` }))}
        />
      );
    case "choice":
      return <SelectInput {...common} choices={item.options.map((option) => ({ id: option.value, name: option.key }))} />;
    case "number":
      return <NumberInput {...common} {...(item.min === undefined ? {} : { min: item.min })} {...(item.max === undefined ? {} : { max: item.max })} step={item.integer ? 1 : "any"} />;
    case "text":
      return <TextInput {...common} multiline={item.maxLength > 100} />;
    case "adherence":
      return null;
  }
}
