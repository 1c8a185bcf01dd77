import type { Metadata } from "next";
import { TagView, tagMetadata } from "./tag-view";

// Cached on first visit; expired when a story gains or loses the tag (lib/cache), or after a minute.
export const revalidate = 60;
export const generateStaticParams = () => [];

type TProps = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  return tagMetadata((await params).slug, 1);
}

export default async function TagPage({ params }: TProps) {
  return <TagView slug={(await params).slug} page={1} />;
}
