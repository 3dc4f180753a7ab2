import AccountBalanceIcon from "@mui/icons-material/AccountBalance";
import { SchemeCreate, SchemeEdit } from "./SchemeForm";
import { SchemeList } from "./SchemeList";
import { SchemeShow } from "./SchemeShow";

export const schemes = { list: SchemeList, show: SchemeShow, edit: SchemeEdit, create: SchemeCreate, icon: AccountBalanceIcon, recordRepresentation: "name" };
