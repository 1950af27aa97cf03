import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { useEffect } from "react";
import { afterEach, describe, expect, it, vi } from "vitest";
import { ErrorBoundary } from "./ErrorBoundary";

/** A view that throws while `broken.now` is set, and counts how often it was mounted. */
const broken = { now: true, mounts: 0 };

function FlakyView() {
  if (broken.now) throw new Error("Cannot read properties of undefined (reading 'segments')");
  useEffect(() => {
    broken.mounts += 1;
  }, []);
  return <p>Budget figures</p>;
}

afterEach(() => {
  vi.restoreAllMocks();
  broken.now = true;
  broken.mounts = 0;
});

/** React reports every error a boundary catches on the console; these tests expect exactly that. */
const quietConsole = () => vi.spyOn(console, "error").mockImplementation(() => {});

describe("a view that crashes", () => {
  it("shows what happened in its place, next to views that keep working", () => {
    quietConsole();
    render(
      <>
        <ErrorBoundary name="Budget">
          <FlakyView />
        </ErrorBoundary>
        <ErrorBoundary name="The inspector">
          <p>Inspector fields</p>
        </ErrorBoundary>
      </>,
    );
    const panel = screen.getByRole("alert", { name: "Budget stopped working" });
    expect(panel).toHaveTextContent("Cannot read properties of undefined (reading 'segments')");
    expect(panel).toHaveTextContent("Your roadmap and library are untouched");
    expect(screen.getByText("Inspector fields")).toBeInTheDocument();
  });

  it("mounts the view afresh on Reload view", async () => {
    quietConsole();
    const user = userEvent.setup();
    render(
      <ErrorBoundary name="Budget">
        <FlakyView />
      </ErrorBoundary>,
    );
    await user.click(screen.getByRole("button", { name: "Reload view" }));
    expect(screen.getByRole("alert", { name: "Budget stopped working" })).toBeInTheDocument();

    broken.now = false;
    await user.click(screen.getByRole("button", { name: "Reload view" }));
    expect(screen.getByText("Budget figures")).toBeInTheDocument();
    expect(screen.queryByRole("alert")).not.toBeInTheDocument();
    expect(broken.mounts).toBe(1);
  });

  it("copies the message, the stack and the app's version", async () => {
    quietConsole();
    const user = userEvent.setup();
    const writeText = vi.spyOn(navigator.clipboard, "writeText").mockResolvedValue();
    render(
      <ErrorBoundary name="Budget">
        <FlakyView />
      </ErrorBoundary>,
    );
    await user.click(screen.getByRole("button", { name: "Copy error details" }));
    const copied = writeText.mock.calls[0]?.[0] ?? "";
    expect(copied).toContain(`Relationship Roadmap ${__APP_VERSION__}`);
    expect(copied).toContain("View: Budget");
    expect(copied).toContain("Error: Cannot read properties of undefined (reading 'segments')");
    expect(copied).toMatch(/at FlakyView/);
    expect(await screen.findByText("Copied.")).toBeInTheDocument();
  });

  it("says so when the clipboard refuses, and leaves the details to select", async () => {
    quietConsole();
    const user = userEvent.setup();
    vi.spyOn(navigator.clipboard, "writeText").mockRejectedValue(new DOMException("Denied", "NotAllowedError"));
    render(
      <ErrorBoundary name="Budget">
        <FlakyView />
      </ErrorBoundary>,
    );
    await user.click(screen.getByRole("button", { name: "Copy error details" }));
    expect(await screen.findByText("Copying was refused; select the text below.")).toBeInTheDocument();
    expect(screen.getByText(/View: Budget/)).toBeInTheDocument();
  });

  it("offers Close for a dialog that crashed", async () => {
    quietConsole();
    const user = userEvent.setup();
    const close = vi.fn();
    render(
      <ErrorBoundary name="This dialog" onClose={close}>
        <FlakyView />
      </ErrorBoundary>,
    );
    await user.click(screen.getByRole("button", { name: "Close" }));
    expect(close).toHaveBeenCalledTimes(1);
  });
});
