import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { fileURLToPath } from "node:url";
import { createInterface } from "node:readline";
import { WEBHOOK_SECRET } from "./product";

const repositoryRoot = fileURLToPath(new URL("../..", import.meta.url));

/** A port that was free a moment ago; the server restarts on the same one after a kill. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const address = probe.address();
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  if (address === null || typeof address === "string") throw new Error("no port");
  return address.port;
}

export interface ServerProcessOptions {
  port: number;
  /** The entry module; the product's Node entry unless a benchmark runs its baseline. */
  entry?: string;
  /** Extra Node flags, e.g. `--cpu-prof` when profiling a benchmark. */
  nodeArgs?: string[];
  databasePath: string;
  botApiUrl: string;
  env?: Record<string, string>;
}

/**
 * The product as `npm start` runs it, in a child process of its own, so that a test can kill it the
 * hard way (SIGKILL) and start it again on the same database file.
 */
export async function startServerProcess(options: ServerProcessOptions) {
  const child: ChildProcess = spawn(process.execPath, [...(options.nodeArgs ?? []), "--import", "tsx", options.entry ?? "bot/node.ts"], {
    cwd: repositoryRoot,
    env: {
      PATH: process.env.PATH ?? "",
      HOME: process.env.HOME ?? "",
      PORT: String(options.port),
      DATABASE_URL: options.databasePath,
      TELEGRAM_BOT_TOKEN: "123456:TEST-TOKEN",
      TELEGRAM_WEBHOOK_SECRET: WEBHOOK_SECRET,
      PUBLIC_URL: "https://samuh.example.org",
      TELEGRAM_API_ROOT: options.botApiUrl,
      LOG_LEVEL: "info",
      // The console's pages are not what these tests drive; building them would only slow each start.
      SERVE_CONSOLE: "false",
      ...options.env,
    },
    stdio: ["ignore", "pipe", "pipe"],
  });
  const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
  const output: string[] = [];
  child.stderr?.on("data", (chunk: Buffer) => output.push(chunk.toString()));
  await new Promise<void>((resolve, reject) => {
    const lines = createInterface({ input: child.stdout! });
    const timer = setTimeout(() => reject(new Error(`server did not start:\n${output.join("")}`)), 30_000);
    lines.on("line", (line) => {
      output.push(line);
      if (line.includes("Telegram webhook registered") || line.includes("Samuh is listening")) {
        clearTimeout(timer);
        resolve();
      }
    });
    void exited.then((code) => reject(new Error(`server exited with ${code}:\n${output.join("\n")}`)));
  });
  return {
    url: `http://127.0.0.1:${options.port}`,
    pid: child.pid!,
    output,
    exited,
    async kill(signal: NodeJS.Signals = "SIGKILL") {
      child.kill(signal);
      await exited;
    },
  };
}

export type ServerProcess = Awaited<ReturnType<typeof startServerProcess>>;
