import { useEffect } from "react";

/**
 * Ask before the page is left with unsaved work: the browser's own prompt on a
 * reload or a closed tab, and a confirm on in-app links (which do not fire beforeunload).
 */
export function useLeaveGuard(hasUnsavedWork: () => boolean) {
  useEffect(() => {
    const onBeforeUnload = (e: BeforeUnloadEvent) => {
      if (hasUnsavedWork()) e.preventDefault();
    };
    const onLinkClick = (e: MouseEvent) => {
      const a = (e.target as Element | null)?.closest?.("a[href]") as HTMLAnchorElement | null;
      if (!a || a.target === "_blank" || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey) return;
      if (hasUnsavedWork() && !window.confirm("This story has changes that are not saved yet. Leave anyway? (They are also kept in this browser.)")) {
        e.preventDefault();
        e.stopPropagation();
      }
    };
    document.addEventListener("click", onLinkClick, true);
    window.addEventListener("beforeunload", onBeforeUnload);
    return () => {
      document.removeEventListener("click", onLinkClick, true);
      window.removeEventListener("beforeunload", onBeforeUnload);
    };
  }, [hasUnsavedWork]);
}
