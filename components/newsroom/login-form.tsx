"use client";

import { useActionState } from "react";
import { loginAction, type TLoginState } from "@/app/login/actions";
import { Button } from "@/components/ui/button";
import { Field } from "@/components/ui/field";

export function LoginForm({ next }: { next: string }) {
  const [state, formAction, pending] = useActionState<TLoginState, FormData>(loginAction, { error: null, email: "" });
  return (
    <form action={formAction} className="flex flex-col gap-4" noValidate>
      <input type="hidden" name="next" value={next} />
      {state.error && (
        <div role="alert" className="rounded border border-accent/40 bg-accent/5 px-3 py-2 text-sm text-accent">
          {state.error}
        </div>
      )}
      <Field
        label="Email"
        name="email"
        type="email"
        autoComplete="username"
        required
        defaultValue={state.email}
        key={`email-${state.email}`}
        errors={state.fieldErrors?.email}
      />
      <Field label="Password" name="password" type="password" autoComplete="current-password" required errors={state.fieldErrors?.password} />
      <Button type="submit" disabled={pending}>
        {pending ? "Signing in…" : "Sign in"}
      </Button>
    </form>
  );
}
