import { STATES } from "../../../core/questionnaires";
import { BR_CLASSES, CATEGORIES, SECTORS } from "../../../core/scoring";

/** Choices for selects; names are i18n keys of the shared namespaces, translated by react-admin. */
export const stateChoices = STATES.map((id) => ({ id, name: `questionnaires:cluster_profile.options.state.${id}` }));
export const sectorChoices = SECTORS.map((id) => ({ id, name: `scoring:sector.${id}` }));
export const mapCellChoices = [9, 8, 7, 6, 5, 4, 3, 2, 1].map((id) => ({ id, name: `console.map.cell_${id}` }));
export const classChoices = [
  ...BR_CLASSES.map((id) => ({ id, name: `scoring:class.${id}` })),
  ...CATEGORIES.flatMap((category) => BR_CLASSES.map((cls) => ({ id: `${category.number}${cls}`, name: `${category.number}${cls}` }))),
];
