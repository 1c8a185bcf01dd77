import { hasRole, type TActor } from "@/lib/auth/actor";

/** Everyone in the newsroom uploads and picks images. */
export function canUseMedia(actor: TActor | null): boolean {
  return hasRole(actor, "CONTRIBUTOR");
}

/** Editors change any image's details; contributors the ones they uploaded. */
export function canEditMedia(actor: TActor | null, media: { uploadedById: string | null }): boolean {
  if (hasRole(actor, "EDITOR")) return true;
  return actor?.kind === "user" && media.uploadedById === actor.id;
}
