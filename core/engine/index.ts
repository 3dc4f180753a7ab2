export { createEngine } from "./engine";
export type { Engine } from "./engine";
export { EngineError } from "./errors";
export { readAnswer } from "./read-answer";
export type { Reading } from "./read-answer";
export { upgradeState } from "./upgrade";
export type * from "./types";
