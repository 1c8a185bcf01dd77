"use client";

import dynamic from "next/dynamic";

/**
 * The editor runs only in the browser: it reads unsaved work kept in
 * localStorage before its first render, which the server cannot see.
 */
export const StoryEditorLoader = dynamic(() => import("./story-editor").then((m) => m.StoryEditor), {
  ssr: false,
  loading: () => <p className="py-8 text-ink/70">Loading the editor…</p>,
});
