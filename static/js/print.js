// The meeting page's print button. Without a script it stays hidden, and the browser's own
// menu prints the same page (static/css/print.css lays it out as a summary).
for (const button of document.querySelectorAll("[data-print]")) {
  button.hidden = false;
  button.addEventListener("click", () => window.print());
}
