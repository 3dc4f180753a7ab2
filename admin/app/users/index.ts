import PeopleIcon from "@mui/icons-material/People";
import { UserCreate, UserEdit } from "./UserForms";
import { UserList } from "./UserList";

export const users = { list: UserList, edit: UserEdit, create: UserCreate, icon: PeopleIcon, recordRepresentation: "name" };
