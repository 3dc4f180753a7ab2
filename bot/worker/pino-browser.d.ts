/** pino ships no declarations for its browser build; its API is the Node build's (bot/worker/pino.ts). */
declare module "pino/browser.js" {
  import type { Logger, LoggerOptions, pino } from "pino";
  const browserPino: ((options?: LoggerOptions) => Logger) & { stdSerializers: typeof pino.stdSerializers };
  export default browserPino;
}
