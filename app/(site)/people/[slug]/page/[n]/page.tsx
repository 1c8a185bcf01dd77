import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageParam } from "@/components/ui/pager";
import { PersonView, personMetadata } from "../../person-view";

// Older stories of a person: /people/<slug>/page/2… (cached like page 1).
export const revalidate = 60;
export const generateStaticParams = () => [];

type TProps = { params: Promise<{ slug: string; n: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { slug, n } = await params;
  const page = pageParam(n);
  return page ? personMetadata(slug, page) : { title: "Page not found" };
}

export default async function PersonOlderPage({ params }: TProps) {
  const { slug, n } = await params;
  const page = pageParam(n);
  if (!page) notFound();
  return <PersonView slug={slug} page={page} />;
}
