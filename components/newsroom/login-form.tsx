"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

type TState = { error: string | null; fieldErrors?: { email?: string[]; password?: string[] } };

/**
 * Email and password, posted to /api/session. A refusal (wrong password,
 * deactivated account, too many attempts) is shown above the form and nothing
 * typed is lost; success goes where the reader was headed.
 */
export function LoginForm({ next }: { next: string }) {
  const [state, setState] = useState<TState>({ error: null });
  const [pending, setPending] = useState(false);

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const fieldErrors = { email: email ? undefined : ["Enter your email address."], password: password ? undefined : ["Enter your password."] };
    if (!email || !password) return setState({ error: "Enter your email address and password.", fieldErrors });
    setPending(true);
    try {
      const response = await fetch("/api/session", { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify({ email, password, next }) });
      const result = (await response.json().catch(() => ({}))) as { redirectTo?: string; error?: string };
      if (response.ok && result.redirectTo) {
        window.location.assign(result.redirectTo);
        return;
      }
      setState({ error: result.error ?? "Signing in failed on our side. Please try again in a moment." });
    } catch {
      setState({ error: "The newsroom could not be reached. Check your connection and try again." });
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {state.error && (
        <div role="alert" className="rounded border border-accent/40 bg-accent/5 px-3 py-2 text-sm text-accent">
          {state.error}
        </div>
      )}
      <Field label="Email" name="email" type="email" autoComplete="username" required errors={state.fieldErrors?.email} />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={state.fieldErrors?.password} />
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
