import Link from "next/link";

export function SiteHeader() {
  return (
    <header className="border-b-4 border-double border-ink">
      <div className="mx-auto max-w-5xl px-4 py-6 text-center">
        <Link href="/" className="font-serif text-4xl font-bold tracking-tight sm:text-5xl">
          The Newsroom
        </Link>
      </div>
    </header>
  );
}
