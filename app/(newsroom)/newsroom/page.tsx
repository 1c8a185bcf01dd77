import type { Metadata } from "next";
import Link from "next/link";
import { NewsroomHeader } from "@/components/newsroom/newsroom-header";
import { requireUser } from "@/lib/auth/current-user";

export const metadata: Metadata = { title: "Newsroom", robots: { index: false } };

export default async function NewsroomHome() {
  const user = await requireUser("/newsroom");
  return (
    <>
      <NewsroomHeader user={user} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-8">
        <h1 className="text-2xl font-semibold">Welcome, {user.name}</h1>
        <p className="mt-2 text-ink/70">
          You are signed in as {user.email}. <Link href="/" className="underline underline-offset-2">View the public site</Link>.
        </p>
        <ul className="mt-6 flex flex-wrap gap-3">
          <li>
            <Link href="/newsroom/stories/new" className="inline-block rounded bg-ink px-4 py-2 text-sm font-semibold text-paper">
              Write a new story
            </Link>
          </li>
          <li>
            <Link href="/newsroom/stories" className="inline-block rounded border border-ink/30 bg-white px-4 py-2 text-sm font-semibold">
              All stories
            </Link>
          </li>
        </ul>
      </main>
    </>
  );
}
