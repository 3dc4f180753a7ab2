/**
 * Creates a console user from the command line, e.g. the first admin of a fresh installation:
 *
 *   npm run admin:create -- --email asha@example.org --name "Asha Rao" --role admin
 *
 * The password comes from `ADMIN_PASSWORD` or is asked for without echoing it. The database is the
 * one `npm start` uses (`DATABASE_URL`, default ./data/samuh.sqlite).
 */
import { createInterface } from "node:readline";
import { parseArgs } from "node:util";
import { openSqlite } from "../../db/sqlite";
import { describeIssues } from "../api/validation";
import { createAccount, newAccountSchema } from "../auth/accounts";

/** Reads a line from the terminal without showing what is typed; from a pipe, reads the first line. */
function askHidden(question: string): Promise<string> {
  return new Promise((resolve) => {
    const terminal = process.stdin.isTTY === true;
    const rl = createInterface({ input: process.stdin, output: process.stdout, terminal });
    process.stdout.write(question);
    if (terminal) {
      // readline echoes through _writeToOutput; silencing it hides the password as it is typed.
      (rl as unknown as { _writeToOutput: (text: string) => void })._writeToOutput = () => {};
    }
    rl.once("line", (line) => {
      rl.close();
      process.stdout.write("\n");
      resolve(line);
    });
  });
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: { email: { type: "string" }, name: { type: "string" }, role: { type: "string", default: "admin" } },
  });
  const password = process.env.ADMIN_PASSWORD ?? (await askHidden("Password (at least 12 characters): "));
  const parsed = newAccountSchema.safeParse({ email: values.email, name: values.name, role: values.role, password });
  if (!parsed.success) {
    console.error(`Cannot create the user: ${describeIssues(parsed.error.issues)}`);
    console.error('Usage: npm run admin:create -- --email a@b.org --name "Full Name" --role admin|moderator|viewer');
    return 2;
  }
  const storage = openSqlite(process.env.DATABASE_URL ?? "./data/samuh.sqlite");
  try {
    const result = await createAccount(storage.db, parsed.data, { id: crypto.randomUUID(), actor: "system", now: new Date().toISOString() });
    if (result.status === "email_taken") {
      console.error(`${parsed.data.email} already has an account; change it in the console's Users page.`);
      return 1;
    }
    console.log(`Created ${result.user.role} ${result.user.email}.`);
    return 0;
  } finally {
    storage.close();
  }
}

process.exitCode = await main();
