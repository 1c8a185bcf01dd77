import type { Metadata } from "next";
import Link from "next/link";
import { NewsroomPage } from "@/components/newsroom/newsroom-header";
import { ActionForm } from "@/components/ui/action-form";
import { NamedOptions } from "@/components/ui/option-list";
import { hasRole } from "@/lib/auth/actor";
import { requireUser } from "@/lib/auth/current-user";
import { listPinnable, listPins, TOP_COUNT } from "@/lib/stories/front";
import { arrangeFrontAction, clearBannerAction, setBannerAction } from "@/lib/actions/front";
import { BANNER_MAX, getBanner } from "@/lib/banner/banner";
import { formatDateTime } from "@/lib/site";
import { STATUS_LABEL } from "@/lib/stories/workflow";

export const metadata: Metadata = { title: "Front page", robots: { index: false } };
const input = "rounded border border-ink/30 bg-white px-2 py-1 font-normal";

export default async function FrontPageDesk() {
  const user = await requireUser("/newsroom/front");
  if (!hasRole(user, "EDITOR")) {
    return (
      <NewsroomPage user={user} width="4xl">
        <h1 className="text-2xl font-semibold">Front page</h1>
        <p className="mt-2">Editors and admins arrange the front page.</p>
      </NewsroomPage>
    );
  }
  const [pins, pinnable, banner] = await Promise.all([listPins({ actor: user }), listPinnable({ actor: user }), getBanner()]);
  return (
    <NewsroomPage user={user} width="4xl">
      <h1 className="text-2xl font-semibold">Front page</h1>

      <section aria-labelledby="banner-heading" className="mt-6 rounded border border-ink/15 bg-white p-4 text-sm">
        <h2 id="banner-heading" className="font-semibold">
          Breaking-news banner
        </h2>
        {banner ? (
          <div className="mt-2 flex flex-wrap items-center gap-3">
            <p>
              Up since {formatDateTime(banner.createdAt)}: <strong>{banner.text}</strong>
              {banner.url && <span className="text-ink/70"> → {banner.url}</span>}
            </p>
            <ActionForm action={clearBannerAction} submitLabel="Take the banner down" variant="secondary" />
          </div>
        ) : (
          <p className="mt-1 text-ink/70">No banner is up. One line, with a link, on top of every reader page; every server shows it within a second.</p>
        )}
        <ActionForm
          action={setBannerAction}
          submitLabel={banner ? "Replace the banner" : "Put up the banner"}
          resetOnSuccess
          className="mt-3 flex flex-wrap items-end gap-3"
        >
          <label className="flex flex-col font-semibold">
            Line (at most {BANNER_MAX} characters)
            <input name="text" maxLength={BANNER_MAX} className={`${input} w-96`} placeholder="Earthquake hits the coast: live updates" />
          </label>
          <label className="flex flex-col font-semibold">
            Link (optional)
            <input name="url" className={`${input} w-72`} placeholder="/stories/earthquake-live" />
          </label>
        </ActionForm>
      </section>

      <h2 className="mt-8 font-semibold">Pinned stories</h2>
      <p className="mt-1 text-sm text-ink/70">
        Pin up to {TOP_COUNT} stories to the top of the{" "}
        <Link href="/" className="underline">
          front page
        </Link>
        , in order: the first is the lead. The rest of the top fills with the newest stories.
      </p>
      <ol aria-label="Pinned stories" className="mt-6 space-y-2">
        {pins.map(({ story }, i) => (
          <li key={story.id} className="flex flex-wrap items-center gap-3 rounded border border-ink/15 bg-white p-3 text-sm">
            <span className="font-semibold">{i === 0 ? "Lead" : `#${i + 1}`}</span>
            <Link href={`/newsroom/stories/${story.id}`} className="font-semibold hover:underline">
              {story.headline}
            </Link>
            {story.status !== "PUBLISHED" && <span className="text-accent">({STATUS_LABEL[story.status]}: not shown)</span>}
            <span className="ml-auto flex gap-1">
              {(["up", "down", "unpin"] as const).map((op) => (
                <ActionForm
                  key={op}
                  action={arrangeFrontAction}
                  submitLabel={op === "up" ? "Up" : op === "down" ? "Down" : "Unpin"}
                  variant="secondary"
                  className="inline"
                >
                  <input type="hidden" name="storyId" value={story.id} />
                  <input type="hidden" name="op" value={op} />
                </ActionForm>
              ))}
            </span>
          </li>
        ))}
        {pins.length === 0 && <li className="text-sm text-ink/70">Nothing pinned: the front page shows the newest stories.</li>}
      </ol>
      <ActionForm action={arrangeFrontAction} submitLabel="Pin to the front page" className="mt-6 flex flex-wrap items-end gap-2">
        <input type="hidden" name="op" value="pin" />
        <label className="flex flex-col text-sm font-semibold">
          Published story
          <select name="storyId" defaultValue="" className={`${input} w-96`}>
            <NamedOptions rows={pinnable.map((s) => ({ id: s.id, name: s.headline }))} empty="Choose a story" />
          </select>
        </label>
      </ActionForm>
    </NewsroomPage>
  );
}
