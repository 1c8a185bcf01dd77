import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { pageParam } from "@/components/ui/pager";
import { TagView, tagMetadata } from "../../tag-view";

// Older stories with a tag: /tags/<slug>/page/2… (cached like page 1).
export const revalidate = 60;
export const generateStaticParams = () => [];

type TProps = { params: Promise<{ slug: string; n: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  const { slug, n } = await params;
  const page = pageParam(n);
  return page ? tagMetadata(slug, page) : { title: "Page not found" };
}

export default async function TagOlderPage({ params }: TProps) {
  const { slug, n } = await params;
  const page = pageParam(n);
  if (!page) notFound();
  return <TagView slug={slug} page={page} />;
}
