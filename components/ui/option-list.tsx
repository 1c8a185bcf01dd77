/** <option>s for a fixed list of values, each with its label. */
export function OptionList<T extends string>({ values, labels }: { values: readonly T[]; labels: Record<T, string> }) {
  return (
    <>
      {values.map((v) => (
        <option key={v} value={v}>
          {labels[v]}
        </option>
      ))}
    </>
  );
}

/** <option>s for rows with an id and a name (people, sections), after an optional empty choice. */
export function NamedOptions({ rows, empty }: { rows: readonly { id: string; name: string }[]; empty?: string }) {
  return (
    <>
      {empty !== undefined && <option value="">{empty}</option>}
      {rows.map((r) => (
        <option key={r.id} value={r.id}>
          {r.name}
        </option>
      ))}
    </>
  );
}
