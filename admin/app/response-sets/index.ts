import FactCheckIcon from "@mui/icons-material/FactCheck";
import { ResponseSetList } from "./ResponseSetList";

export const responseSets = { list: ResponseSetList, icon: FactCheckIcon, recordRepresentation: "id" };
