import { notFound } from "next/navigation";
import { isAppError } from "@/lib/errors";

/** For pages: a domain read that refuses with NOT_FOUND becomes the 404 page; other errors go on. */
export async function orNotFound<T>(read: Promise<T>): Promise<T> {
  try {
    return await read;
  } catch (err) {
    if (isAppError(err) && err.code === "NOT_FOUND") notFound();
    throw err;
  }
}
