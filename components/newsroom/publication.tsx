"use client";

import { createContext, useContext, type ReactNode } from "react";

/**
 * The publication's name (lib/site.ts SITE_NAME, read on the server at run
 * time) for client components that word credits as readers see them: people
 * affiliated with it are credited by name alone.
 */
const PublicationName = createContext<string>("");

export function PublicationProvider({ name, children }: { name: string; children: ReactNode }) {
  return <PublicationName.Provider value={name}>{children}</PublicationName.Provider>;
}

export const usePublicationName = () => useContext(PublicationName);
