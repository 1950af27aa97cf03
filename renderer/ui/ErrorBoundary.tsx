import { Component, type ErrorInfo, type ReactNode, useState } from "react";

interface ErrorBoundaryProps {
  /** What the user calls the part that is fenced off: "Budget", "Inspector", "The app". */
  name: string;
  children: ReactNode;
  /** Closes what crashed instead of retrying it (a dialog): offered beside "Reload view" when given. */
  onClose?: () => void;
}

interface ErrorBoundaryState {
  crash: { error: Error; componentStack: string } | null;
  /** Bumped by "Reload view", so the children mount afresh instead of reusing what crashed. */
  attempt: number;
}

/**
 * Fences off one view: a bug that throws while it renders replaces that view
 * with a panel saying what happened, and leaves the rest of the window — the
 * other views, the store with the document and library — running. React only
 * offers this as a class component.
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { crash: null, attempt: 0 };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { crash: { error: asError(error), componentStack: "" } };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    this.setState({ crash: { error: asError(error), componentStack: info.componentStack ?? "" } });
  }

  private readonly reload = () => this.setState(({ attempt }) => ({ crash: null, attempt: attempt + 1 }));

  override render(): ReactNode {
    const { crash, attempt } = this.state;
    if (crash) {
      return <CrashPanel name={this.props.name} crash={crash} onReload={this.reload} onClose={this.props.onClose} />;
    }
    return <CrashFence key={attempt}>{this.props.children}</CrashFence>;
  }
}

/** A keyed wrapper: a new key unmounts everything below, so a reloaded view starts from its props and the store. */
function CrashFence({ children }: { children: ReactNode }) {
  return children;
}

function asError(error: unknown): Error {
  return error instanceof Error ? error : new Error(String(error));
}

/** What "Copy error details" puts on the clipboard: enough for a bug report, nothing from the document. */
export function errorDetails(name: string, error: Error, componentStack: string): string {
  return [
    `Relationship Roadmap ${__APP_VERSION__}`,
    `View: ${name}`,
    `Error: ${error.message}`,
    "",
    error.stack ?? "(no stack)",
    ...(componentStack ? ["", "Component stack:", componentStack.trim()] : []),
  ].join("\n");
}

function CrashPanel({
  name,
  crash,
  onReload,
  onClose,
}: {
  name: string;
  crash: { error: Error; componentStack: string };
  onReload: () => void;
  onClose: (() => void) | undefined;
}) {
  const [copied, setCopied] = useState<"idle" | "copied" | "failed">("idle");
  const details = errorDetails(name, crash.error, crash.componentStack);
  const copy = () => {
    // The clipboard can be refused (no permission, page not focused); the details stay visible to select by hand.
    navigator.clipboard.writeText(details).then(
      () => setCopied("copied"),
      () => setCopied("failed"),
    );
  };
  const panel = (
    <section className="crash-panel" role="alert" aria-label={`${name} stopped working`}>
      <h2>{name} stopped working</h2>
      <p>
        Something went wrong while showing this view: <strong className="crash-message">{crash.error.message}</strong>
      </p>
      <p className="muted">
        Your roadmap and library are untouched, and the rest of the window keeps working. Reload the view to try again;
        if it keeps happening, copy the details and send them to whoever supports the app.
      </p>
      <div className="crash-actions">
        <button type="button" className="button button-primary" onClick={onReload}>
          Reload view
        </button>
        <button type="button" className="button" onClick={copy}>
          Copy error details
        </button>
        {onClose && (
          <button type="button" className="button" onClick={onClose}>
            Close
          </button>
        )}
        <span role="status" className="crash-copied">
          {copied === "copied" ? "Copied." : copied === "failed" ? "Copying was refused; select the text below." : ""}
        </span>
      </div>
      <details>
        <summary>Error details</summary>
        <pre className="crash-details">{details}</pre>
      </details>
    </section>
  );
  // A dialog's panel keeps the dialog's backdrop, so it reads as the dialog that failed rather than part of the page.
  return onClose ? <div className="dialog-backdrop">{panel}</div> : panel;
}
