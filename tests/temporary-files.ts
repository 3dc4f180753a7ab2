import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

/**
 * Vitest global setup: every temporary file of the run (databases, Worker builds, exports) goes into
 * one folder, removed when the run ends, so that a test that forgets to clean up leaves nothing
 * behind. Test workers start after this and inherit TMPDIR, which `os.tmpdir()` reads.
 */
export default function temporaryFiles() {
  const folder = mkdtempSync(join(tmpdir(), "samuh-tests-"));
  process.env.TMPDIR = folder;
  return () => rmSync(folder, { recursive: true, force: true });
}
