/** A fieldset of checkboxes sharing one name: each value with its sentence. */
export function CheckboxGroup<T extends string>({
  legend,
  name,
  values,
  labels,
  checked = [],
}: {
  legend: string;
  name: string;
  values: readonly T[];
  labels: Record<T, string>;
  checked?: readonly T[];
}) {
  return (
    <fieldset className="flex flex-col gap-1 text-sm">
      <legend className="font-semibold">{legend}</legend>
      {values.map((v) => (
        <label key={v} className="flex items-start gap-2">
          <input type="checkbox" name={name} value={v} defaultChecked={checked.includes(v)} className="mt-1" />
          <span>
            {labels[v]} <code className="text-xs text-ink/60">{v}</code>
          </span>
        </label>
      ))}
    </fieldset>
  );
}
