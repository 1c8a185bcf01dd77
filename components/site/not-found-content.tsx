import { SearchForm } from "./search-form";

/** What a reader gets at an address with nothing there: a search box and the way home (our server's 404 pages and Next's). */
export function NotFoundContent() {
  return (
    <>
      <h1 className="font-serif text-3xl font-bold">Page not found</h1>
      <p className="mt-4 text-ink/70">The page you asked for is not here. It may have moved or never existed. Try a search:</p>
      <div className="mt-6 text-left">
        <SearchForm />
      </div>
      <p className="mt-6">
        <a href="/" className="underline underline-offset-2">
          Go to the front page
        </a>
      </p>
    </>
  );
}
