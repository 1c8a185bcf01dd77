// @ts-check
/**
 * A live story's open page, kept up to date: the only script reader pages have,
 * served from our origin (/assets/live-<hash>.js) and only on live pages. The
 * page reads whole without it. It listens to /live-updates/<story> (server-sent
 * events: the story's live revision, sent when something changed); when the
 * revision passes the page's, it fetches the page again (revalidated: a cached
 * page or a 304) and merges it in: new entries inserted, changed ones replaced,
 * removed ones dropped, the rest left as they are (a reader's place and focus
 * stay). How many new entries came is said politely to screen readers.
 */
(function () {
  const root = document.getElementById("live");
  if (!root || root.dataset.livePage !== "1" || root.dataset.liveState !== "live" || !("EventSource" in window)) return;
  const streamUrl = root.dataset.liveUpdates;
  if (!streamUrl) return;
  let revision = Number(root.dataset.liveRevision) || 0;
  let wanted = revision;
  let busy = false;
  const source = new EventSource(streamUrl);

  source.addEventListener("revision", (event) => {
    let data;
    try {
      data = JSON.parse(/** @type {MessageEvent} */ (event).data);
    } catch {
      return;
    }
    if (typeof data?.revision !== "number") return;
    if (data.ended) source.close();
    if (data.revision > wanted) wanted = data.revision;
    if (wanted > revision) void refresh(0);
  });

  /** @param {number} attempt */
  async function refresh(attempt) {
    if (busy) return;
    busy = true;
    let again = false;
    try {
      const response = await fetch(location.pathname, { cache: "no-cache", credentials: "omit", headers: { Accept: "text/html" } });
      if (!response.ok) {
        source.close();
        return;
      }
      const doc = new DOMParser().parseFromString(await response.text(), "text/html");
      const next = doc.getElementById("live");
      const nextRevision = Number(next?.dataset.liveRevision);
      // A page rendered before this process heard the change: ask again in a moment.
      if (!next || !(nextRevision >= wanted)) again = attempt < 8;
      if (next && nextRevision > revision) {
        merge(next, doc);
        revision = nextRevision;
      }
    } catch {
      again = attempt < 8;
    } finally {
      busy = false;
    }
    if (again) setTimeout(() => void refresh(attempt + 1), 250 * (attempt + 1));
    else if (wanted > revision) void refresh(0);
  }

  /**
   * @param {HTMLElement} next the new page's #live
   * @param {Document} doc the new page
   */
  function merge(next, doc) {
    for (const id of ["live-mark", "live-status", "live-key-events", "live-pinned", "live-older"]) {
      const mine = document.getElementById(id);
      const theirs = doc.getElementById(id);
      if (mine && theirs) mine.replaceWith(document.adoptNode(theirs));
    }
    root.dataset.liveRevision = next.dataset.liveRevision;
    root.dataset.liveState = next.dataset.liveState;
    const list = document.getElementById("live-entries");
    const nextList = next.querySelector("#live-entries");
    if (!list || !nextList) return;
    const had = new Map([...list.children].map((li) => [li.id, li]));
    let added = 0;
    const items = [...nextList.children].map((li) => {
      const old = had.get(li.id);
      if (!old) added++;
      return old && old.getAttribute("data-version") === li.getAttribute("data-version") ? old : document.adoptNode(li);
    });
    list.replaceChildren(...items);
    const announcer = document.getElementById("live-announcer");
    if (announcer && added) announcer.textContent = added === 1 ? "1 new entry." : added + " new entries.";
    if (root.dataset.liveState === "ended" && announcer) announcer.textContent = "This live coverage has ended.";
  }
})();
