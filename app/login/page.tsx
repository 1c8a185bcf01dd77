import type { Metadata } from "next";
import Link from "next/link";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/newsroom/login-form";
import { getCurrentUser } from "@/lib/auth/current-user";
import { safeNextPath } from "@/lib/auth/redirect";
import { configuredSiteOrigin } from "@/lib/site";

export const metadata: Metadata = { title: "Sign in", robots: { index: false } };

export default async function LoginPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const params = await searchParams;
  const next = safeNextPath(params.next ?? params.callbackUrl);
  if (await getCurrentUser()) redirect(next);
  return (
    <main id="main" className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4 py-12">
      <Link href="/" className="mb-8 text-center font-serif text-3xl font-bold">
        The Newsroom
      </Link>
      <h1 className="mb-6 text-xl font-semibold">Sign in to the newsroom</h1>
      <LoginForm next={next} siteOrigin={configuredSiteOrigin()} />
    </main>
  );
}
