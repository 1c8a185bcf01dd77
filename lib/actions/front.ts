"use server";

import { clearBanner, setBanner } from "@/lib/banner/banner";
import { AppError } from "@/lib/errors";
import { listPins, setPins } from "@/lib/stories/front";
import { formAction, formText } from "./define";

/** Pin, unpin or move a story on the front page: the new order is worked out from the current one. */
export const arrangeFrontAction = formAction("Arranging the front page", "/newsroom/front", async (data, actor) => {
  const ids = (await listPins({ actor })).map((p) => p.story.id);
  const storyId = formText(data, "storyId");
  const op = formText(data, "op");
  const at = ids.indexOf(storyId);
  if (op === "pin") {
    if (!storyId) throw new AppError("INVALID_INPUT", "Choose a story to pin.");
    await setPins({ actor, storyIds: [...ids.filter((id) => id !== storyId), storyId] });
    return "Pinned. It shows on the front page now.";
  }
  if (at < 0) return "That story is not pinned any more.";
  if (op === "unpin") ids.splice(at, 1);
  if ((op === "up" && at > 0) || (op === "down" && at < ids.length - 1)) {
    const to = op === "up" ? at - 1 : at + 1;
    [ids[at], ids[to]] = [ids[to]!, ids[at]!];
  }
  await setPins({ actor, storyIds: ids });
  return op === "unpin" ? "Unpinned." : "Moved.";
});

/** Put up the breaking-news banner (replacing the one up). */
export const setBannerAction = formAction("The breaking-news banner", "/newsroom/front", async (data, actor) => {
  const banner = await setBanner({ actor, data: { text: formText(data, "text"), url: formText(data, "url") } });
  return `The banner is up on every reader page: "${banner.text}".`;
});

/** Take the breaking-news banner down. */
export const clearBannerAction = formAction("The breaking-news banner", "/newsroom/front", async (_data, actor) => {
  const was = await clearBanner({ actor });
  return was ? "The banner is down." : "No banner was up.";
});
