import type { Metadata } from "next";
import { SectionView, sectionMetadata } from "./section-view";

// Cached on first visit; expired when a story joins or leaves the section (lib/cache), or after a minute.
export const revalidate = 60;
export const generateStaticParams = () => [];

type TProps = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  return sectionMetadata((await params).slug, 1);
}

export default async function SectionPage({ params }: TProps) {
  return <SectionView slug={(await params).slug} page={1} />;
}
