import { Dialog } from "../ui/Dialog";
import { LogoMark } from "../ui/icons";

export function AboutDialog({ onClose }: { onClose: () => void }) {
  return (
    <Dialog
      title="About Relationship Roadmap"
      onClose={onClose}
      footer={
        <button type="button" className="button button-primary" onClick={onClose}>
          Close
        </button>
      }
    >
      <div className="about">
        <LogoMark />
        <p>
          Version {__APP_VERSION__}. Draw a client's customer lifecycle, put every team's communications where they
          happen, and see what the plan costs and buys. Everything stays on this computer and works offline.
        </p>
      </div>
    </Dialog>
  );
}
