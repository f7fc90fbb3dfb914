// The floor: the least a content script can do for the same pages. It finds
// the `[role=listitem]` rows holding an Accept button and appends one bare
// element (a closed shadow root with one line of text) to each, once, and does the same for rows added later (one
// MutationObserver). Built into a temporary directory and loaded exactly like
// Kindly, so the ratio Kindly / floor is the cost of Kindly's own work.
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

const MANIFEST = {
  manifest_version: 3,
  name: "Kindly benchmark floor",
  version: "0.0.1",
  content_scripts: [{ matches: ["https://www.linkedin.com/*"], js: ["content.js"], run_at: "document_idle", all_frames: false }],
};

const CONTENT = `(() => {
  "use strict";
  const done = new WeakSet();
  const isAccept = (b) => /^Accept\\b/.test(b.getAttribute("aria-label") || "") || b.textContent.trim() === "Accept";
  const mark = () => {
    for (const row of document.querySelectorAll("[role=listitem]")) {
      if (done.has(row)) continue;
      let accept = false;
      for (const b of row.querySelectorAll("button")) if (isAccept(b)) { accept = true; break; }
      if (!accept) continue;
      done.add(row);
      // As Kindly's: a bare host with a closed root, here drawn at once.
      const el = document.createElement("div");
      const text = document.createElement("p");
      text.textContent = "floor";
      el.attachShadow({ mode: "closed" }).appendChild(text);
      row.appendChild(el);
    }
  };
  mark();
  new MutationObserver(mark).observe(document.body, { childList: true, subtree: true });
})();
`;

/** Writes the floor extension to a new temporary directory and returns it. */
export function buildFloor() {
  const dir = mkdtempSync(join(tmpdir(), "kindly-floor-"));
  writeFileSync(join(dir, "manifest.json"), JSON.stringify(MANIFEST, null, 2));
  writeFileSync(join(dir, "content.js"), CONTENT);
  return dir;
}
