import { type ReactNode, useEffect, useId, useRef } from "react";

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer: ReactNode;
  /** `alertdialog` for messages that need an answer (errors, confirmations). */
  role?: "dialog" | "alertdialog";
  wide?: boolean;
}

/**
 * A modal: focus moves in when it opens, Tab stays inside, Escape closes it,
 * and focus returns to where it was when it closes.
 */
export function Dialog({ title, onClose, children, footer, role = "dialog", wide = false }: DialogProps) {
  const titleId = useId();
  const panel = useRef<HTMLDivElement>(null);
  const close = useRef(onClose);
  close.current = onClose;

  useEffect(() => {
    const previouslyFocused = document.activeElement as HTMLElement | null;
    const root = panel.current;
    const first = root?.querySelector<HTMLElement>("[autofocus], input, select, textarea, button");
    first?.focus();
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === "Escape") {
        event.stopPropagation();
        close.current();
      } else if (event.key === "Tab" && root) {
        const focusable = [...root.querySelectorAll<HTMLElement>("input, select, textarea, button, [href]")].filter(
          (el) => !el.hasAttribute("disabled"),
        );
        const [firstEl, lastEl] = [focusable[0], focusable.at(-1)];
        if (event.shiftKey && document.activeElement === firstEl) {
          event.preventDefault();
          lastEl?.focus();
        } else if (!event.shiftKey && document.activeElement === lastEl) {
          event.preventDefault();
          firstEl?.focus();
        }
      }
    };
    root?.addEventListener("keydown", onKeyDown);
    return () => {
      root?.removeEventListener("keydown", onKeyDown);
      previouslyFocused?.focus?.();
    };
  }, []);

  return (
    <div className="dialog-backdrop">
      {/* biome-ignore lint/a11y/useAriaPropsSupportedByRole: the role is dialog or alertdialog, both modal roles */}
      <div
        ref={panel}
        className={wide ? "dialog dialog-wide" : "dialog"}
        role={role}
        aria-modal="true"
        aria-labelledby={titleId}
      >
        <h2 id={titleId} className="dialog-title">
          {title}
        </h2>
        <div className="dialog-body">{children}</div>
        <div className="dialog-footer">{footer}</div>
      </div>
    </div>
  );
}

/** The footer of a dialog that asks for a decision: Cancel, and the button that carries the decision out. */
export function CancelOrConfirm({
  onCancel,
  confirmLabel,
  onConfirm,
  destructive = false,
}: {
  onCancel: () => void;
  confirmLabel: string;
  onConfirm: () => void;
  destructive?: boolean;
}) {
  return (
    <>
      <button type="button" className="button" onClick={onCancel}>
        Cancel
      </button>
      <button
        type="button"
        className={destructive ? "button button-danger" : "button button-primary"}
        onClick={onConfirm}
      >
        {confirmLabel}
      </button>
    </>
  );
}
