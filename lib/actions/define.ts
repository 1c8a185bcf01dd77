import "server-only";
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { getCurrentUser, requireRole, type TUserActor } from "@/lib/auth/current-user";
import type { Role } from "@/lib/db/generated/enums";
import { AppError, fromDatabaseOutage, isAppError, toActionError, type TActionResult } from "@/lib/errors";

/**
 * The one shape of a server action (the files beside this one, each `"use server"`):
 * parse the input with its zod schema (a malformed request gets INVALID_INPUT in
 * words, never a stack), find the signed-in user (or require a role), run the
 * domain function, and turn whatever it throws into `{ ok: false, error }`
 * (lib/errors.ts). Authorization stays in the domain functions; this only says
 * who is asking. What to refresh is the domain's business too (lib/changes.ts).
 */

type TFailure = Extract<TActionResult<never>, { ok: false }>;

export type TActionOptions<TInput, TExtra> = {
  /** Require this role before anything runs (FORBIDDEN otherwise). */
  role?: Role;
  /** The sentence for input the schema refuses. */
  malformed?: string;
  /** Add to a refusal (the server's copy on a CONFLICT, say); the parsed input when it parsed. */
  onError?: (failure: TFailure, input: TInput | null, actor: TUserActor | null) => Promise<TFailure & TExtra>;
};

const who = async (role?: Role): Promise<TUserActor | null> => (role ? requireRole(role) : getCurrentUser());

/** A server action taking one argument, checked by `schema`. */
export function action<TSchema extends z.ZodType, TData, TExtra = unknown>(
  schema: TSchema,
  handler: (input: z.output<TSchema>, actor: TUserActor | null) => Promise<TData>,
  options: TActionOptions<z.output<TSchema>, TExtra> = {},
): (input: unknown) => Promise<TActionResult<TData> | (TFailure & TExtra)> {
  return async (raw: unknown) => {
    const parsed = schema.safeParse(raw);
    let actor: TUserActor | null = null;
    try {
      if (!parsed.success)
        throw new AppError("INVALID_INPUT", options.malformed ?? "The request was malformed. Reload the page and try again; what you typed is kept.");
      actor = await who(options.role);
      return { ok: true, data: await handler(parsed.data, actor) };
    } catch (err) {
      const failure = toActionError(err);
      return options.onError ? options.onError(failure, parsed.success ? parsed.data : null, actor) : failure;
    }
  };
}

/** What a form's action says back to ActionForm: a sentence, and whether it worked. */
export type TFormState = { ok: boolean; message: string } | null;

/**
 * A server action behind a plain form (ActionForm, useActionState): the handler
 * reads the FormData through its domain function and returns the sentence to
 * show. On success the newsroom pages under `revalidate` are re-rendered; a
 * refusal says why (with the field details), anything else is logged and the
 * person gets a plain apology — what they typed stays in the form.
 */
export function formAction(
  what: string,
  revalidate: string,
  handler: (data: FormData, actor: TUserActor) => Promise<string>,
  options: { role: Role },
): TFormAction;
export function formAction(what: string, revalidate: string, handler: (data: FormData, actor: TUserActor | null) => Promise<string>): TFormAction;
export function formAction(
  what: string,
  revalidate: string,
  handler: (data: FormData, actor: never) => Promise<string>,
  options: { role?: Role } = {},
): TFormAction {
  return async (_previous, data) =>
    runFormTask(what, revalidate, async () => {
      // The boundary check: a form's fields arrive as FormData (a hand-made call with anything else is refused in words).
      if (!(data instanceof FormData)) throw new AppError("INVALID_INPUT", "The form's request was malformed. Reload the page and try again.");
      return handler(data, (await who(options.role)) as never);
    });
}

type TFormAction = (previous: TFormState, data: FormData) => Promise<TFormState>;

/** runFormTask without the action wrapper (a form action that must redirect after it). */
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
