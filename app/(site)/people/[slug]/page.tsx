import type { Metadata } from "next";
import { PersonView, personMetadata } from "./person-view";

// Cached on first visit; expired when the person or their list of stories changes (lib/cache), or after a minute.
export const revalidate = 60;
export const generateStaticParams = () => [];

type TProps = { params: Promise<{ slug: string }> };

export async function generateMetadata({ params }: TProps): Promise<Metadata> {
  return personMetadata((await params).slug, 1);
}

export default async function PersonPage({ params }: TProps) {
  return <PersonView slug={(await params).slug} page={1} />;
}
