import GavelIcon from "@mui/icons-material/Gavel";
import { DeclarationList } from "./DeclarationList";
import { DeclarationShow } from "./DeclarationShow";

export const declarations = { list: DeclarationList, show: DeclarationShow, icon: GavelIcon, recordRepresentation: "shortCode" };
