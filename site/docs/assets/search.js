// Pagefind's search box in the Material header. Pagefind (pagefind/pagefind-ui.js, written
// after the build) fetches only the parts of its index that a query needs.
document.addEventListener("DOMContentLoaded", () => {
  const header = document.querySelector(".md-header__inner");
  if (!header || typeof PagefindUI === "undefined") {
    console.error("Stopwijzer: no Material header or no Pagefind; search is not available");
    return;
  }
  const box = document.createElement("div");
  box.id = "sw-search";
  box.className = "sw-search";
  header.appendChild(box);
  // Result links relative to the site's root, wherever the site is served (pagefind/ is there).
  const bundle = document.querySelector("script[src$='pagefind/pagefind-ui.js']");
  const root = new URL("../", bundle.src).pathname;
  new PagefindUI({ element: "#sw-search", baseUrl: root, showImages: false, showSubResults: true,
                   resetStyles: true, pageSize: 8, debounceTimeoutMs: 100 });
  // Pagefind loads its code and index when the box gets focus; start that once the page is
  // idle, so that the first query is answered at once.
  const input = box.querySelector("input");
  if (input) input.setAttribute("aria-label", "Zoek een app, een doelgroep of een tip");
  const warmUp = () => input && input.dispatchEvent(new Event("focus"));
  ("requestIdleCallback" in window) ? requestIdleCallback(warmUp, { timeout: 2000 }) : setTimeout(warmUp, 500);
});
