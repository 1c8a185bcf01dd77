/** The header row of a data table: one column heading each. */
export function TableHead({ columns }: { columns: string[] }) {
  return (
    <thead className="border-b border-ink/20">
      <tr>
        {columns.map((c) => (
          <th key={c} scope="col" className="py-2 pr-4">
            {c}
          </th>
        ))}
      </tr>
    </thead>
  );
}
