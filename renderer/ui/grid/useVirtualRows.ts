import { type UIEvent, useRef, useState } from "react";

/**
 * Draws only the rows of a long table that are in view (and a few either
 * side), with spacers standing in for the rest, so a grid of thousands of
 * rows opens and edits as fast as one of ten. Rows have a fixed height.
 */
export function useVirtualRows(
  count: number,
  { rowHeight, viewportRows }: { rowHeight: number; viewportRows: number },
) {
  const [scrollTop, setScrollTop] = useState(0);
  const container = useRef<HTMLDivElement>(null);
  const overscan = 5;
  const first = Math.max(0, Math.min(Math.floor(scrollTop / rowHeight) - overscan, count - viewportRows - overscan));
  const last = Math.min(count, first + viewportRows + 2 * overscan);
  return {
    /** The rows to draw: from `first` up to, not including, `last`. */
    first,
    last,
    topSpace: first * rowHeight,
    bottomSpace: (count - last) * rowHeight,
    scrollProps: {
      ref: container,
      onScroll: (event: UIEvent<HTMLDivElement>) => setScrollTop(event.currentTarget.scrollTop),
      // The header, the rows in view and a totals row; a short table takes only the room it needs.
      style: { maxHeight: (viewportRows + 3) * rowHeight },
    },
    /** Scrolls the row into view, clear of the sticky header and footer, so the keyboard can go to it. */
    reveal: (index: number) => {
      const element = container.current;
      if (!element) return;
      const header = element.querySelector("thead")?.getBoundingClientRect().height ?? 0;
      const footer = element.querySelector("tfoot")?.getBoundingClientRect().height ?? 0;
      const top = index * rowHeight;
      const visible = element.clientHeight - header - footer;
      if (top < element.scrollTop) element.scrollTop = top;
      else if (top + rowHeight > element.scrollTop + visible) element.scrollTop = top + rowHeight - visible;
      setScrollTop(element.scrollTop);
    },
  };
}
