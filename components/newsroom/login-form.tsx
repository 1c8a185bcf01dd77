"use client";

import { useState, useSyncExternalStore } from "react";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";
import { wrongAddressMessage } from "@/lib/http/wrong-address";

type TState = { error: string | null; fieldErrors?: { email?: string[]; password?: string[] } };

/**
 * Email and password, posted to /api/session. A refusal (wrong password,
 * deactivated account, too many attempts) is shown above the form and nothing
 * typed is lost; success goes where the reader was headed.
 *
 * `siteOrigin` is SITE_URL's origin when it is set: a page opened at another
 * address says so before anyone types (the server refuses sign-ins from there).
 */
export function LoginForm({ next, siteOrigin }: { next: string; siteOrigin: string | null }) {
  const [state, setState] = useState<TState>({ error: null });
  const [pending, setPending] = useState(false);
  const openedAt = useSyncExternalStore(
    noSubscription,
    () => window.location.origin,
    () => null,
  );
  const wrongAddress = siteOrigin && openedAt && openedAt !== siteOrigin ? wrongAddressMessage(siteOrigin, openedAt) : null;

  async function submit(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const email = String(form.get("email") ?? "").trim();
    const password = String(form.get("password") ?? "");
    const fieldErrors = { email: email ? undefined : ["Enter your email address."], password: password ? undefined : ["Enter your password."] };
    if (!email || !password) return setState({ error: "Enter your email address and password.", fieldErrors });
    setPending(true);
    try {
      const response = await fetch("/api/session", {
        method: "POST",
        headers: { "Content-Type": "application/json" },
        body: JSON.stringify({ email, password, next }),
      });
      const text = await response.text();
      const result = parseJson(text) as { redirectTo?: string; error?: string };
      if (response.ok && result.redirectTo) {
        window.location.assign(result.redirectTo);
        return;
      }
      // A refusal in plain text (a 4xx from before the route) is still a sentence meant for the person.
      const plain = response.status < 500 && text && text.length < 500 && !text.trimStart().startsWith("<") ? text : null;
      setState({ error: result.error ?? plain ?? "Signing in failed on our side. Please try again in a moment." });
    } catch {
      setState({ error: "The newsroom could not be reached. Check your connection and try again." });
    }
    setPending(false);
  }

  return (
    <form onSubmit={submit} className="flex flex-col gap-4" noValidate>
      {wrongAddress && !state.error && (
        <p role="status" className="rounded border border-ink/30 bg-paper px-3 py-2 text-sm">
          {wrongAddress}
        </p>
      )}
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

const noSubscription = () => () => {};

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) ?? {};
  } catch {
    return {};
  }
}
