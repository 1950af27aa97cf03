import type { ReactNode } from "react";
import { useAppStoreApi } from "./AppStoreContext";
import { type CommandId, commandTitle, findCommand, runCommand } from "./commands";

/** A button that runs a registry command, with its label (or `children`) and its shortcut in the tooltip. */
export function CommandButton({
  id,
  className = "button",
  disabled = false,
  ariaLabel,
  children,
}: {
  id: CommandId;
  className?: string;
  disabled?: boolean;
  /** A name for screen readers when the visible content says less than it should. */
  ariaLabel?: string;
  children?: ReactNode;
}) {
  const store = useAppStoreApi();
  const command = findCommand(id);
  return (
    <button
      type="button"
      className={className}
      title={commandTitle(command)}
      disabled={disabled}
      aria-label={ariaLabel}
      onClick={() => runCommand(id, store.getState())}
    >
      {children ?? command.shortLabel ?? command.label}
    </button>
  );
}
