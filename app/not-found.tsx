import Link from "next/link";
import { SearchForm } from "@/components/site/search-form";

export default function NotFound() {
  return (
    <main id="main" className="mx-auto max-w-xl px-4 py-24 text-center">
      <h1 className="font-serif text-3xl font-bold">Page not found</h1>
      <p className="mt-4 text-ink/70">The page you asked for is not here. It may have moved or never existed. Try a search:</p>
      <div className="mt-6 text-left">
        <SearchForm />
      </div>
      <p className="mt-6">
        <Link href="/" className="underline underline-offset-2">
          Go to the front page
        </Link>
      </p>
    </main>
  );
}
