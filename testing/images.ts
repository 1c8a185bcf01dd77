import { randomBytes } from "node:crypto";
import sharp from "sharp";

/**
 * Image files for tests, made on the spot with sharp: each call draws
 * different pixels, so no two tests share a file (the library dedupes by content).
 */
function scene(width: number, height: number): Buffer {
  const color = `#${randomBytes(3).toString("hex")}`;
  const x = 40 + randomBytes(1)[0]!;
  return Buffer.from(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}">` +
      `<rect width="100%" height="100%" fill="${color}"/><circle cx="${x}" cy="${Math.round(height / 3)}" r="${Math.round(height / 5)}" fill="#fff"/>` +
      `</svg>`,
  );
}

export async function makeJpeg(width = 1200, height = 800): Promise<Buffer> {
  return sharp(scene(width, height)).jpeg({ quality: 85 }).toBuffer();
}

export async function makePng(width = 600, height = 400): Promise<Buffer> {
  return sharp(scene(width, height)).png().toBuffer();
}

/** A JPEG as a phone writes it: GPS position, photographer, caption and copyright in EXIF and XMP. */
export async function makeJpegWithMetadata(width = 1200, height = 800): Promise<Buffer> {
  const xmp =
    `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:photoshop="http://ns.adobe.com/photoshop/1.0/">` +
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">Soldiers stand guard at the border village.</rdf:li></rdf:Alt></dc:description>` +
    `<dc:creator><rdf:Seq><rdf:li>Jane Roe</rdf:li></rdf:Seq></dc:creator>` +
    `<dc:rights><rdf:Alt><rdf:li xml:lang="x-default">© 2018 Agency</rdf:li></rdf:Alt></dc:rights>` +
    `<photoshop:Credit>Agency</photoshop:Credit></rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  return sharp(scene(width, height))
    .jpeg()
    .withExif({
      IFD0: { Artist: "Jane Roe", Copyright: "© 2018 Agency" },
      IFD3: { GPSLatitudeRef: "N", GPSLatitude: "39/1 54/1 27/1", GPSLongitudeRef: "E", GPSLongitude: "116/1 23/1 50/1" },
    })
    .withXmp(xmp)
    .toBuffer();
}

/** A landscape photo taken with the camera turned: stored 1200×800, to be shown 800×1200. */
export async function makeRotatedJpeg(): Promise<Buffer> {
  return sharp(scene(1200, 800)).jpeg().withMetadata({ orientation: 6 }).toBuffer();
}

export async function makeTruncatedJpeg(): Promise<Buffer> {
  const whole = await makeJpeg();
  return whole.subarray(0, Math.floor(whole.length * 0.6));
}

export const SCRIPTED_SVG = Buffer.from(
  `<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink" width="100" height="100" onload="alert(1)">` +
    `<script>alert(document.cookie)</script><a xlink:href="javascript:alert(2)"><rect width="100" height="100" onclick="alert(3)"/></a>` +
    `<foreignObject width="100" height="100"><body xmlns="http://www.w3.org/1999/xhtml"><script>alert(4)</script></body></foreignObject></svg>`,
);

export const HTML_AS_JPEG = Buffer.from(`<!doctype html><html><body><script>alert(document.cookie)</script><img src=x onerror=alert(1)></body></html>`);

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function pngChunk(type: string, data: Buffer): Buffer {
  const body = Buffer.concat([Buffer.from(type, "latin1"), data]);
  let crc = 0xffffffff;
  for (const byte of body) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  const head = Buffer.alloc(4);
  head.writeUInt32BE(data.length);
  const tail = Buffer.alloc(4);
  tail.writeUInt32BE((crc ^ 0xffffffff) >>> 0);
  return Buffer.concat([head, body, tail]);
}

/**
 * A small, valid PNG whose XMP packet (an iTXt "XML:com.adobe.xmp" chunk, written
 * by hand) nests `depth` elements: the metadata bomb of issue 12 (200,000 deep
 * kept exifr's parser busy for ~30 s).
 */
export async function makeXmpBombPng(depth = 200_000): Promise<Buffer> {
  const xmp =
    `<?xpacket begin="" id="W5M0MpCehiHzreSzNTczkc9d"?><x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">` +
    `<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">${"<dc:a>".repeat(depth)}${"</dc:a>".repeat(depth)}</rdf:Description></rdf:RDF></x:xmpmeta><?xpacket end="w"?>`;
  const png = await makePng(320, 200);
  // After the signature (8 bytes) and IHDR (25): keyword, NUL, no compression, empty language and translated keyword.
  const itxt = pngChunk("iTXt", Buffer.concat([Buffer.from("XML:com.adobe.xmp\0\0\0\0\0", "latin1"), Buffer.from(xmp, "utf8")]));
  return Buffer.concat([png.subarray(0, 33), itxt, png.subarray(33)]);
}

/** A flat RGBA PNG of width×height: a few hundred KB on disk, width×height×4 bytes decoded (the decompression bomb). */
export async function makeFlatPng(width: number, height: number): Promise<Buffer> {
  // Three random bytes: one gave two equal images in five 1 time in 25 (a 'duplicate' upload).
  const [r, g, b] = randomBytes(3);
  const background = { r: r!, g: g!, b: b!, alpha: 0.5 };
  return sharp({ create: { width, height, channels: 4, background } })
    .png({ compressionLevel: 9 })
    .toBuffer();
}

/** A camera-sized JPEG (e.g. 9504×6336, 60 megapixels), different each call. */
export async function makeCameraJpeg(width = 9504, height = 6336): Promise<Buffer> {
  return sharp(scene(width, height), { limitInputPixels: false }).jpeg({ quality: 85 }).toBuffer();
}
