import "server-only";
import { renderVariant } from "./image";
import { getVariantSource } from "./queries";
import { mediaStorage } from "./storage";
import { checkVariant, CONTENT_TYPE, parseVariantName, variantName, type TVariant } from "./variants";

export type TServed = { kind: "file"; data: Buffer; contentType: string } | { kind: "redirect"; location: string } | { kind: "missing" };

/** Variants being rendered right now, so that a burst of requests renders each once. */
const rendering = new Map<string, Promise<Buffer>>();

/**
 * One variant of a library image: from the cache in media storage, or rendered
 * from the original with sharp and cached. Anything not in the closed set of
 * variants is missing.
 */
export async function serveVariant(mediaId: string, name: string): Promise<TServed> {
  const variant = parseVariantName(name);
  if (!variant || !/^[a-z0-9]{1,64}$/i.test(mediaId)) return { kind: "missing" };
  const source = await getVariantSource(mediaId);
  if (!source) return { kind: "missing" };
  const check = checkVariant(source, variant);
  if (!check.ok) return check.redirectTo ? { kind: "redirect", location: check.redirectTo } : { kind: "missing" };

  const key = `variants/${source.id}/${variantName(variant)}`;
  const storage = mediaStorage();
  const cached = await storage.get(key);
  if (cached) return file(cached, variant);
  let job = rendering.get(key);
  if (!job) {
    job = (async () => {
      const original = await storage.get(source.storageKey);
      if (!original) throw new Error(`The original of media ${source.id} is missing from storage (${source.storageKey}).`);
      const data = await renderVariant(original, source, variant);
      await storage.put(key, data);
      return data;
    })().finally(() => rendering.delete(key));
    rendering.set(key, job);
  }
  return file(await job, variant);
}

const file = (data: Buffer, variant: TVariant): TServed => ({ kind: "file", data, contentType: CONTENT_TYPE[variant.format] });
