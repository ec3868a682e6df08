/** Values offered while typing in an <input list={id}>: owners, tags, channels already used in the workspace. */
export function Suggestions({ id, values }: { id: string; values: readonly string[] | undefined }) {
  return (
    <datalist id={id}>
      {(values ?? []).map((v) => (
        <option key={v} value={v} />
      ))}
    </datalist>
  )
}
