import "server-only";
import { revalidatePath } from "next/cache";
import type { TFormState } from "@/components/ui/action-form";
import { fromDatabaseOutage, isAppError } from "@/lib/errors";

/**
 * Run a form's mutation and say how it went in a sentence for ActionForm:
 * the mutation's own message on success, the refusal (with field details) on
 * an AppError, a plain apology for anything else (logged). On success the
 * newsroom pages under `revalidate` are re-rendered.
 */
export async function runFormTask(what: string, revalidate: string, task: () => Promise<string>): Promise<TFormState> {
  try {
    const message = await task();
    revalidatePath(revalidate, "layout");
    return { ok: true, message };
  } catch (thrown) {
    const err = fromDatabaseOutage(thrown);
    if (!isAppError(err)) {
      console.error(`${what} failed:`, err);
      return { ok: false, message: "Something went wrong on our side; nothing was changed. Please try again." };
    }
    const details = Object.values(err.fieldErrors ?? {})
      .flat()
      .filter(Boolean);
    return { ok: false, message: details.length ? `${err.message} ${details.join(" ")}` : err.message };
  }
}

/** A form field as text ("" when absent). */
export const formText = (data: FormData, name: string) => String(data.get(name) ?? "");
