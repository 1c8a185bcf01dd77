import { useId, type InputHTMLAttributes } from "react";

type TFieldProps = InputHTMLAttributes<HTMLInputElement> & { label: string; errors?: string[] };

/** A labelled input whose errors are announced and tied to it with aria-describedby. */
export function Field({ label, errors, id, className = "", ...props }: TFieldProps) {
  const generated = useId();
  const inputId = id ?? generated;
  const errorId = `${inputId}-error`;
  const hasErrors = Boolean(errors?.length);
  return (
    <div className={`flex flex-col gap-1 ${className}`}>
      <label htmlFor={inputId} className="text-sm font-semibold">
        {label}
      </label>
      <input
        id={inputId}
        aria-invalid={hasErrors || undefined}
        aria-describedby={hasErrors ? errorId : undefined}
        className="rounded border border-ink/30 bg-white px-3 py-2 text-base aria-[invalid]:border-accent"
        {...props}
      />
      {hasErrors && (
        <p id={errorId} className="text-sm text-accent">
          {errors!.join(" ")}
        </p>
      )}
    </div>
  );
}
