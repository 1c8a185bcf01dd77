// @ts-check
/**
 * A live story's open page, kept up to date: the only script reader pages have,
 * served from our origin (/assets/live-<hash>.js) and only on live pages. The
 * page reads whole without it. It listens to /live-updates/<story> (server-sent
 * events: the story's live revision, sent when something changed); when the
 * revision passes the page's, it fetches the page again (revalidated, and with
 * the revision in the query so no shared cache hands back an older copy) and
 * merges it in: new entries inserted, changed ones replaced, removed ones
 * dropped, the rest left where they are (a reader's place, focus and selection
 * stay). How many new entries came is said politely to screen readers.
 */
(function () {
  const root = document.getElementById("live");
  if (!root || root.dataset.livePage !== "1" || root.dataset.liveState !== "live" || !("EventSource" in window)) return;
  const streamUrl = root.dataset.liveUpdates;
  if (!streamUrl) return;
  /** Tries for one revision before waiting for the next news (a page that stays older: a cache, the network). */
  const ATTEMPTS = 6;
  let revision = Number(root.dataset.liveRevision) || 0;
  let wanted = revision;
  let busy = false;
  let attempt = 0;
  /** @type {ReturnType<typeof setTimeout> | null} */
  let timer = null;
  /** @type {EventSource | null} */
  let source = null;

  /**
   * A delay spread ±25 %, so the pages of a big audience do not all come back at the same
   * moment (after a busy server refused them, or a cache kept them waiting).
   * @param {number} ms
   */
  const jitter = (ms) => ms * (0.75 + Math.random() * 0.5);

  function listen() {
    source = new EventSource(streamUrl);
    source.addEventListener("revision", (event) => {
      let data;
      try {
        data = JSON.parse(/** @type {MessageEvent} */ (event).data);
      } catch {
        return;
      }
      if (typeof data?.revision !== "number") return;
      if (data.ended) source?.close();
      if (data.revision > wanted) {
        wanted = data.revision;
        attempt = 0;
      }
      if (wanted > revision) soon(0);
    });
    // The browser reconnects a dropped stream by itself; one it gave up on (a 429 or 503 from a
    // busy server) is opened again a minute or so later.
    source.addEventListener("error", () => {
      if (source?.readyState === EventSource.CLOSED && root.dataset.liveState === "live") setTimeout(listen, jitter(60_000));
    });
  }

  /** One fetch at a time, one timer at a time. */
  function soon(ms) {
    if (timer || busy) return;
    timer = setTimeout(() => {
      timer = null;
      void refresh();
    }, ms);
  }

  async function refresh() {
    busy = true;
    try {
      const response = await fetch(`${location.pathname}?rev=${wanted}`, { cache: "no-cache", credentials: "omit", headers: { Accept: "text/html" } });
      if (!response.ok) {
        // Taken down, or gone: stop listening; a reload shows what there is.
        if (response.status === 404 || response.status === 410) return source?.close();
        throw new Error(String(response.status));
      }
      const doc = new DOMParser().parseFromString(await response.text(), "text/html");
      const next = doc.getElementById("live");
      const nextRevision = Number(next?.dataset.liveRevision);
      if (next && nextRevision > revision) {
        merge(next, doc);
        revision = nextRevision;
      }
      if (!(nextRevision >= wanted)) throw new Error("older");
      attempt = 0;
    } catch {
      attempt++;
    } finally {
      busy = false;
    }
    // Older than the news (this process heard before the page cache everywhere did) or failed:
    // again, later each time, then wait for the next news.
    if (wanted > revision && attempt > 0 && attempt < ATTEMPTS) soon(jitter(250 * 2 ** attempt));
    else if (wanted > revision && attempt === 0) soon(0);
  }

  /**
   * @param {HTMLElement} next the new page's #live
   * @param {Document} doc the new page
   */
  function merge(next, doc) {
    for (const id of ["live-mark", "live-status", "live-key-events", "live-pinned", "live-older"]) {
      const mine = document.getElementById(id);
      const theirs = doc.getElementById(id);
      if (mine && theirs && mine.innerHTML !== theirs.innerHTML) mine.replaceWith(document.adoptNode(theirs));
    }
    root.dataset.liveRevision = next.dataset.liveRevision;
    root.dataset.liveState = next.dataset.liveState;
    const announcer = document.getElementById("live-announcer");
    const list = document.getElementById("live-entries");
    const nextList = next.querySelector("#live-entries");
    if (list && nextList) {
      const had = new Map([...list.children].map((li) => [li.id, li]));
      const keep = new Set([...nextList.children].map((li) => li.id));
      for (const li of [...list.children]) if (!keep.has(li.id)) li.remove();
      let added = 0;
      /** @type {Element | null} */
      let previous = null;
      for (const li of [...nextList.children]) {
        let node = had.get(li.id);
        if (!node) {
          node = document.adoptNode(li);
          added++;
        } else if (node.getAttribute("data-version") !== li.getAttribute("data-version")) {
          const fresh = document.adoptNode(li);
          node.replaceWith(fresh);
          node = fresh;
        }
        // Entries already in place are not moved: only new ones go in, before the first kept.
        const at = previous ? previous.nextElementSibling : list.firstElementChild;
        if (at !== node) list.insertBefore(node, at);
        previous = node;
      }
      if (announcer && added) announcer.textContent = added === 1 ? "1 new entry." : added + " new entries.";
    }
    if (root.dataset.liveState === "ended") {
      source?.close();
      if (announcer) announcer.textContent = "This live coverage has ended.";
    }
  }

  listen();
})();
