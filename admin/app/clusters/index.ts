import FactoryIcon from "@mui/icons-material/Factory";
import { ClusterCreate, ClusterEdit } from "./ClusterEdit";
import { ClusterList } from "./ClusterList";
import { ClusterShow } from "./ClusterShow";

export const clusters = {
  list: ClusterList,
  show: ClusterShow,
  edit: ClusterEdit,
  create: ClusterCreate,
  icon: FactoryIcon,
  recordRepresentation: "name",
};
