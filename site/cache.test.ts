import { beforeEach, describe, expect, it } from "vitest";
import MemoryCacheHandler from "@/lib/cache/handler/cache-handler.cjs";
import { Store } from "@/lib/cache/handler/memory.cjs";
import { cachedAnswer, type TAnswer } from "./cache";
import { makeAnswer } from "./respond";

const MB = 1024 * 1024;

beforeEach(() => {
  (globalThis as Record<symbol, unknown>)[Symbol.for("newsroom.pageCache")] = new Store(4 * MB);
});

/** A page render that counts its calls and can be held until released. */
function renderer(labels: string[]) {
  let calls = 0;
  let release: () => void = () => {};
  let held = false;
  const render = async () => {
    calls++;
    if (held) await new Promise<void>((r) => (release = r));
    return { answer: makeAnswer(200, `<p>render ${calls}</p>`), labels };
  };
  return {
    render,
    calls: () => calls,
    hold: () => (held = true),
    release: () => {
      held = false;
      release();
    },
  };
}

const text = (a: TAnswer) => a.body.toString();
const expire = (...labels: string[]) => new MemoryCacheHandler().revalidateTag(labels, { expire: 0 });

describe("the reader page cache", () => {
  it("renders once, then serves the kept answer until one of its labels is expired", async () => {
    const r = renderer(["story:a", "sections"]);
    expect(await cachedAnswer("/stories/a", r.render)).toMatchObject({ state: "MISS" });
    const again = await cachedAnswer("/stories/a", r.render);
    expect(again.state).toBe("HIT");
    expect(text(again.answer)).toBe("<p>render 1</p>");
    await expire("story:b");
    expect((await cachedAnswer("/stories/a", r.render)).state).toBe("HIT");
    await new Promise((resolve) => setTimeout(resolve, 2));
    await expire("sections");
    const fresh = await cachedAnswer("/stories/a", r.render);
    expect(fresh.state).toBe("MISS");
    expect(text(fresh.answer)).toBe("<p>render 2</p>");
  });

  it("never keeps as fresh a page whose label was expired while it rendered", async () => {
    const r = renderer(["story:a"]);
    r.hold();
    const first = cachedAnswer("/stories/a", r.render);
    await new Promise((resolve) => setTimeout(resolve, 5));
    await expire("story:a"); // the change lands while the render reads the database
    r.release();
    expect(text((await first).answer)).toBe("<p>render 1</p>");
    expect((await cachedAnswer("/stories/a", r.render)).state).toBe("MISS");
    expect(r.calls()).toBe(2);
  });

  it("renders once for readers who ask at the same time", async () => {
    const r = renderer(["story:a"]);
    r.hold();
    const all = Array.from({ length: 5 }, () => cachedAnswer("/stories/a", r.render));
    await new Promise((resolve) => setTimeout(resolve, 5));
    r.release();
    const answers = await Promise.all(all);
    expect(r.calls()).toBe(1);
    expect(new Set(answers.map((a) => text(a.answer)))).toEqual(new Set(["<p>render 1</p>"]));
  });

  it("answers with the last copy when a render fails, and throws when there is none", async () => {
    const ok = renderer(["story:a"]);
    await cachedAnswer("/stories/a", ok.render);
    await new Promise((resolve) => setTimeout(resolve, 2));
    await expire("story:a");
    const down = async (): Promise<never> => {
      throw new Error("database down");
    };
    expect(await cachedAnswer("/stories/a", down)).toMatchObject({ state: "STALE" });
    await expect(cachedAnswer("/stories/b", down)).rejects.toThrow("database down");
  });

  it("keeps nothing that may not be kept", async () => {
    let calls = 0;
    const render = async () => ({ answer: makeAnswer(200, `<p>${++calls}</p>`, { cacheable: false }), labels: [] });
    await cachedAnswer("/search", render);
    expect((await cachedAnswer("/search", render)).state).toBe("MISS");
    expect(calls).toBe(2);
  });
});
