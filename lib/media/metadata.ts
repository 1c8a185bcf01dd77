import "server-only";
import { Worker } from "node:worker_threads";

/** The IPTC, XMP and EXIF fields the library pre-fills from (as exifr names them, merged). */
export const PREFILL_FIELDS = [
  "CopyrightNotice",
  "rights",
  "Copyright",
  "Caption",
  "description",
  "ImageDescription",
  "Byline",
  "creator",
  "Artist",
  "Credit",
  "Source",
  "source",
] as const;
export type TRawPrefill = Partial<Record<(typeof PREFILL_FIELDS)[number], unknown>>;

/** What the header says about an image (sharp's metadata, the fields we use). */
export type THeader = {
  format: string | undefined;
  compression: string | undefined;
  width: number;
  height: number;
  pageHeight: number | undefined;
  pages: number | undefined;
  /** Width and height with EXIF orientation applied. */
  autoOrient: { width: number; height: number };
};

/**
 * Reading an image's header and metadata happens in a worker thread: both come
 * from whoever made the file. sharp turns an XMP packet into a string on the
 * thread that asks (a 2.6 MB packet held the event loop 30–100 ms), and exifr's
 * XMP parser takes time growing with the square of the nesting depth (200,000
 * nested elements: 30 s). The worker may use only so much memory and is stopped
 * after HEADER_TIME_LIMIT_MS without a header (the file is refused) or
 * PREFILL_TIME_LIMIT_MS without metadata (the fields stay empty); XMP nested
 * deeper than MAX_XMP_DEPTH (real packets nest fewer than 15 levels) or larger
 * than MAX_XMP_BYTES is not parsed at all. Unreadable metadata never refuses an image.
 */
const HEADER_TIME_LIMIT_MS = 5_000;
const PREFILL_TIME_LIMIT_MS = 2_000;
const MAX_XMP_DEPTH = 100;
const MAX_XMP_BYTES = 4 * 1024 * 1024;

// Plain CommonJS, evaluated as the worker (a file of its own would need its own place in Next's build).
const WORKER_SOURCE = `
const { parentPort, workerData } = require("node:worker_threads");
const sharp = require("sharp");
const exifr = require("exifr");
const { data, fields, maxDepth, maxXmpBytes } = workerData;

// The deepest element nesting in an XML packet, counted in one pass over its bytes.
function depthOf(bytes) {
  let depth = 0, max = 0;
  for (let i = 0; i < bytes.length; i++) {
    if (bytes[i] === 0x3c) { // <
      const next = bytes[i + 1];
      if (next === 0x2f) depth--; // </
      else if (next !== 0x3f && next !== 0x21) { depth++; if (depth > max) max = depth; } // not <? or <!
    } else if (bytes[i] === 0x2f && bytes[i + 1] === 0x3e) depth--; // />
  }
  return max;
}

(async () => {
  let m;
  try {
    m = await sharp(data, { limitInputPixels: false }).metadata();
  } catch {
    parentPort.postMessage({ header: null });
    return;
  }
  const { format, compression, width, height, pageHeight, pages, autoOrient } = m;
  parentPort.postMessage({ header: { format, compression, width, height, pageHeight, pages, autoOrient } });
  const parseXmp = Boolean(m.xmp) && m.xmp.length <= maxXmpBytes && depthOf(m.xmp) <= maxDepth;
  m = null;
  const out = {};
  try {
    const found = await exifr.parse(data, { iptc: true, xmp: parseXmp, exif: false, gps: false, mergeOutput: true });
    for (const k of fields) if (found && found[k] !== undefined) out[k] = found[k];
  } catch {
    // unreadable metadata: no pre-fill
  }
  parentPort.postMessage({ prefill: out });
})();
`;

/**
 * An image's header (null: not an image sharp can read) and the pre-fill fields
 * of its metadata, read off the main thread within the bounds above.
 */
export function readHeaderAndMetadata(data: Buffer): Promise<{ header: THeader | null; prefill: TRawPrefill }> {
  return new Promise((resolve, reject) => {
    let worker: Worker;
    try {
      worker = new Worker(WORKER_SOURCE, {
        eval: true,
        workerData: { data, fields: PREFILL_FIELDS, maxDepth: MAX_XMP_DEPTH, maxXmpBytes: MAX_XMP_BYTES },
        resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16, stackSizeMb: 4 },
        stdout: true,
        stderr: true,
      });
    } catch (err) {
      reject(err);
      return;
    }
    let header: THeader | null | undefined;
    let settled = false;
    let timer = setTimeout(() => finish({}), HEADER_TIME_LIMIT_MS);
    function finish(prefill: TRawPrefill) {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve({ header: header ?? null, prefill });
    }
    worker.on("message", (message: { header?: THeader | null; prefill?: TRawPrefill }) => {
      if ("header" in message) {
        header = message.header ?? null;
        if (!header) return finish({});
        clearTimeout(timer);
        timer = setTimeout(() => finish({}), PREFILL_TIME_LIMIT_MS);
      } else {
        finish(message.prefill ?? {});
      }
    });
    worker.once("error", (err) => {
      console.error("Reading an image's metadata failed:", err); // out of memory, or a crash in a parser
      finish({});
    });
    worker.once("exit", () => finish({}));
  });
}
