import PersonSearchIcon from "@mui/icons-material/PersonSearch";
import { RespondentList } from "./RespondentList";

export const respondents = { list: RespondentList, icon: PersonSearchIcon, recordRepresentation: "id" };
