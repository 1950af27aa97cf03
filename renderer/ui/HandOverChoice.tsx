/**
 * The radio option of a removal dialog that hands what depends on the removed
 * thing to another one, picked from a list: "Move them to [phase]".
 */
export function HandOverChoice({
  group,
  chosen,
  onChoose,
  label,
  selectLabel,
  options,
  target,
  onTarget,
  disabled = false,
}: {
  /** Name shared by the dialog's radio buttons. */
  group: string;
  chosen: boolean;
  onChoose: () => void;
  label: string;
  selectLabel: string;
  options: readonly { id: string; name: string }[];
  target: string;
  onTarget: (id: string) => void;
  disabled?: boolean;
}) {
  return (
    <label className="choice-option">
      <input type="radio" name={group} checked={chosen} disabled={disabled} onChange={onChoose} />
      {label}
      <select
        aria-label={selectLabel}
        value={target}
        disabled={!chosen}
        onChange={(event) => onTarget(event.target.value)}
      >
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
}
