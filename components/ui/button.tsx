import type { ButtonHTMLAttributes } from "react";

type TButtonProps = ButtonHTMLAttributes<HTMLButtonElement> & { variant?: "primary" | "secondary" };

const VARIANTS = {
  primary: "bg-ink text-paper hover:bg-ink/85",
  secondary: "border border-ink/30 bg-white text-ink hover:bg-ink/5",
};

export function Button({ variant = "primary", className = "", type = "button", ...props }: TButtonProps) {
  return (
    <button
      type={type}
      className={`inline-flex items-center justify-center rounded px-4 py-2 text-sm font-semibold disabled:cursor-not-allowed disabled:opacity-60 ${VARIANTS[variant]} ${className}`}
      {...props}
    />
  );
}
