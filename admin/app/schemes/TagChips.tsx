import { Chip, Stack } from "@mui/material";
import { useTranslate } from "react-admin";

/** A scheme's tags as chips, each labelled from the choices of its vocabulary. */
export function TagChips({ ids, choices }: { ids: readonly string[]; choices: readonly { id: string; name: string }[] }) {
  const translate = useTranslate();
  return (
    <Stack direction="row" spacing={0.5} sx={{ flexWrap: "wrap" }} useFlexGap>
      {ids.map((id) => (
        <Chip key={id} size="small" label={translate(choices.find((choice) => choice.id === id)?.name ?? id, { _: id })} />
      ))}
    </Stack>
  );
}
