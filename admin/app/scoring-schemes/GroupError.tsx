import { useEffect } from "react";
import { FormHelperText } from "@mui/material";
import { useFormContext, useFormState, useWatch } from "react-hook-form";
import { ValidationError, type ValidationErrorMessage } from "react-admin";

/**
 * A rule about a whole group of inputs ("the weights add up to 1") has no input of its own to
 * show under, so it shows under the group. react-hook-form re-checks only the edited input, never
 * its group, so an edit in the group drops the message; saving checks the rule again.
 */
export function GroupError({ group }: { group: string }) {
  const { clearErrors } = useFormContext();
  const { errors } = useFormState({ name: group });
  const values = JSON.stringify(useWatch({ name: group }));
  // The form's check gives `{ message, args }` to translate; react-hook-form types every message as a string.
  const message = errors[group]?.message as ValidationErrorMessage | undefined;
  useEffect(() => {
    if (message) clearErrors(group);
    // Only an edit makes the message stale, not the message's arrival: `message` is left out on purpose.
  }, [values]);
  if (!message) return null;
  return (
    <FormHelperText error role="alert" sx={{ mb: 1 }}>
      <ValidationError error={message} />
    </FormHelperText>
  );
}
