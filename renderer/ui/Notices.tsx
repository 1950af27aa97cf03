import { useEffect } from "react";
import { useAppState } from "../app/AppStoreContext";
import type { Notice } from "../app/shellSlice";

const INFO_NOTICE_MS = 8000;

/** Messages at the foot of the window. Information fades; errors stay until dismissed. */
export function Notices() {
  const notices = useAppState((state) => state.notices);
  return (
    <div className="notices">
      {notices.map((notice) => (
        <NoticeItem key={notice.id} notice={notice} />
      ))}
    </div>
  );
}

function NoticeItem({ notice }: { notice: Notice }) {
  const dismiss = useAppState((state) => state.dismissNotice);
  useEffect(() => {
    if (notice.tone !== "info") return;
    const timer = setTimeout(() => dismiss(notice.id), INFO_NOTICE_MS);
    return () => clearTimeout(timer);
  }, [notice, dismiss]);

  return (
    <div className={`notice notice-${notice.tone}`} role={notice.tone === "error" ? "alert" : "status"}>
      <span className="notice-message">{notice.message}</span>
      {notice.action && (
        <button
          type="button"
          className="notice-action"
          onClick={() => {
            notice.action?.run();
            dismiss(notice.id);
          }}
        >
          {notice.action.label}
        </button>
      )}
      <button type="button" className="notice-close" aria-label="Dismiss message" onClick={() => dismiss(notice.id)}>
        ×
      </button>
    </div>
  );
}
