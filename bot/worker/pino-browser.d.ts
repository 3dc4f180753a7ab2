/** pino ships no declarations for its browser build; its API is the Node build's (bot/worker/pino.ts). */
declare module "pino/browser.js" {
  import type { pino } from "pino";
  const browserPino: typeof pino;
  export default browserPino;
}
