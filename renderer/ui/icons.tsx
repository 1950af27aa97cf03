import type { SVGProps } from "react";

/** Line icons drawn on a 20-unit grid; decorative, so hidden from screen readers (buttons carry the label). */
function Icon({ children, ...props }: SVGProps<SVGSVGElement>) {
  return (
    <svg
      width="18"
      height="18"
      viewBox="0 0 20 20"
      fill="none"
      stroke="currentColor"
      strokeWidth="1.6"
      strokeLinecap="round"
      strokeLinejoin="round"
      aria-hidden="true"
      focusable="false"
      {...props}
    >
      {children}
    </svg>
  );
}

export const SearchIcon = () => (
  <Icon>
    <circle cx="8.5" cy="8.5" r="5" />
    <path d="M12.5 12.5 17 17" />
  </Icon>
);
export const PlusIcon = () => (
  <Icon>
    <path d="M10 4v12M4 10h12" />
  </Icon>
);
export const ImportIcon = () => (
  <Icon>
    <path d="M10 3v9m0 0-3.5-3.5M10 12l3.5-3.5M4 14v2h12v-2" />
  </Icon>
);
export const ExportIcon = () => (
  <Icon>
    <path d="M10 12V3m0 0L6.5 6.5M10 3l3.5 3.5M4 14v2h12v-2" />
  </Icon>
);
export const PencilIcon = () => (
  <Icon>
    <path d="M13.5 3.5l3 3L7 16H4v-3z" />
  </Icon>
);
export const CopyIcon = () => (
  <Icon>
    <rect x="7" y="7" width="9" height="9" rx="1.5" />
    <path d="M13 4H5.5A1.5 1.5 0 0 0 4 5.5V13" />
  </Icon>
);
export const TrashIcon = () => (
  <Icon>
    <path d="M4 6h12M8 6V4h4v2M6 6l1 10h6l1-10" />
  </Icon>
);
export const RestoreIcon = () => (
  <Icon>
    <path d="M4 10a6 6 0 1 0 2-4.5M4 4v3h3" />
  </Icon>
);
export const BackIcon = () => (
  <Icon>
    <path d="M12 4l-6 6 6 6" />
  </Icon>
);
export const SaveIcon = () => (
  <Icon>
    <path d="M4 4h9l3 3v9H4z" />
    <path d="M7 4v4h6M7 16v-5h6v5" />
  </Icon>
);
export const PresentIcon = () => (
  <Icon>
    <rect x="2.5" y="3.5" width="15" height="10" rx="1.5" />
    <path d="M8.5 6.5v4l3.5-2z" />
    <path d="M7 17h6M10 13.5V17" />
  </Icon>
);
export const ArrowUpIcon = () => (
  <Icon>
    <path d="M10 16V4M5 9l5-5 5 5" />
  </Icon>
);
export const ArrowDownIcon = () => (
  <Icon>
    <path d="M10 4v12M5 11l5 5 5-5" />
  </Icon>
);

/** The app's mark: three phases joined in a loop. */
export const LogoMark = () => (
  <svg width="26" height="26" viewBox="0 0 26 26" aria-hidden="true" focusable="false">
    <rect width="26" height="26" rx="6" fill="#1d3557" />
    <path d="M7 17c0-5 4-8 8-8" stroke="#a8dadc" strokeWidth="2" fill="none" strokeLinecap="round" />
    <path d="M19 9c0 5-4 8-8 8" stroke="#f1faee" strokeWidth="2" fill="none" strokeLinecap="round" />
    <circle cx="7" cy="17" r="2.6" fill="#e63946" />
    <circle cx="19" cy="9" r="2.6" fill="#a8dadc" />
    <circle cx="13" cy="13" r="2" fill="#f1faee" />
  </svg>
);
