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
      </main>
    </>
  );
}
