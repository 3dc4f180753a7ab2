import type { ResponseSetView } from "../../api/response-sets/view";

export type ResponseSetRow = ResponseSetView;
