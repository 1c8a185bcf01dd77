export default function FrontPage() {
  return (
    <section aria-labelledby="latest-heading">
      <h1 id="latest-heading" className="font-serif text-2xl font-semibold">
        Latest news
      </h1>
      <p className="mt-4 text-ink/70">No stories have been published yet. Check back soon.</p>
    </section>
  );
}
