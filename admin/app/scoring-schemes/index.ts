import TuneIcon from "@mui/icons-material/Tune";
import { ScoringSchemeCreate } from "./ScoringSchemeCreate";
import { ScoringSchemeList } from "./ScoringSchemeList";
import { ScoringSchemeShow } from "./ScoringSchemeShow";

export const scoringSchemes = { list: ScoringSchemeList, show: ScoringSchemeShow, create: ScoringSchemeCreate, icon: TuneIcon, recordRepresentation: "id" };
