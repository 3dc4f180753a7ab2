import type { Readable } from "node:stream";

/**
 * A Node stream as a response body that takes one chunk per read. Node 20's `Readable.toWeb` counts
 * queued chunks rather than bytes, so a slow client could let thousands of chunks pile up; here the
 * Node side's own byte high-water mark holds the producer back. Cancelling the download destroys the
 * stream, which stops the export's reads from the database.
 */
export function webStreamOf(source: Readable): ReadableStream<Uint8Array> {
  const chunks = source[Symbol.asyncIterator]() as AsyncIterator<Uint8Array>;
  return new ReadableStream<Uint8Array>(
    {
      async pull(controller) {
        const next = await chunks.next();
        if (next.done) controller.close();
        else controller.enqueue(next.value);
      },
      async cancel() {
        await chunks.return?.();
      },
    },
    { highWaterMark: 0 },
  );
}
