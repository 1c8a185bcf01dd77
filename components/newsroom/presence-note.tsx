"use client";

import { useEffect, useState } from "react";
import { leaveStoryAction, presenceAction } from "@/lib/actions/stories";

const BEAT_MS = 5_000;

/**
 * Who else has this story open, from a heartbeat every few seconds. This is
 * information, not a lock: saves are still checked against the version.
 */
export function PresenceNote({ storyId }: { storyId: string }) {
  const [others, setOthers] = useState<{ id: string; name: string }[]>([]);
  useEffect(() => {
    let stopped = false;
    const beat = async () => {
      const result = await presenceAction(storyId).catch(() => null);
      if (!stopped && result?.ok) setOthers(result.data);
    };
    void beat();
    const timer = setInterval(() => void beat(), BEAT_MS);
    const leave = () => void leaveStoryAction(storyId);
    window.addEventListener("pagehide", leave);
    return () => {
      stopped = true;
      clearInterval(timer);
      window.removeEventListener("pagehide", leave);
      leave();
    };
  }, [storyId]);
  if (!others.length) return null;
  return (
    <p data-testid="presence" className="text-sm text-ink/80">
      <span aria-hidden>●</span> Also open by {others.map((o) => o.name).join(", ")}
    </p>
  );
}
