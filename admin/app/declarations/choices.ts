import { DECLARATION_STATUSES } from "../../../db/schema/declarations";

/** Status labels come from the `declarations` namespace, as the bots and the printable page word them. */
export const statusChoices = DECLARATION_STATUSES.map((id) => ({ id, name: `declarations:statuses.${id}` }));

/** An adherence share (0–1) as a whole percentage; "–" when nothing applies. */
export function percent(share: number | null | undefined): string {
  return typeof share === "number" ? `${Math.round(share * 100)} %` : "–";
}
