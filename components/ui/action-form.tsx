"use client";

import { useActionState, useEffect, useRef, useTransition, type ReactNode } from "react";
import { Button } from "./button";

import type { TFormState } from "@/lib/actions/define";

export type { TFormState };

/**
 * A form posting to a server action that says how it went. What was typed stays
 * in the fields when the action refuses it; the form clears only on success
 * (and only when `resetOnSuccess`).
 */
export function ActionForm({
  action,
  children,
  submitLabel,
  className = "",
  resetOnSuccess = false,
  variant = "primary",
}: {
  action: (previous: TFormState, formData: FormData) => Promise<TFormState>;
  children?: ReactNode;
  submitLabel: string;
  className?: string;
  resetOnSuccess?: boolean;
  variant?: "primary" | "secondary";
}) {
  const [state, formAction, pending] = useActionState(action, null);
  const [, startTransition] = useTransition();
  const formRef = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (state?.ok && resetOnSuccess) formRef.current?.reset();
  }, [state, resetOnSuccess]);
  return (
    <form
      ref={formRef}
      className={className}
      // The server checks every field and says what is wrong in words, in one place.
      noValidate
      onSubmit={(e) => {
        e.preventDefault();
        const data = new FormData(e.currentTarget);
        startTransition(async () => {
          formAction(data);
        });
      }}
    >
      {children}
      <Button type="submit" variant={variant} disabled={pending}>
        {pending ? "Working…" : submitLabel}
      </Button>
      {state && (
        <p role={state.ok ? "status" : "alert"} className={`w-full text-sm ${state.ok ? "text-green-800" : "text-accent"}`}>
          {state.message}
        </p>
      )}
    </form>
  );
}
