// Marks a language tab whose text is missing or out of date, and opens the tab a link
// from the Translations page asks for (?language=en). The states come from the server
// (the #translation-marks data block). modeltranslation builds the tabs in a jQuery ready
// handler, which jQuery may run after the window's load event; a handler queued on the
// same jQuery once the page has loaded runs after it in every order.
"use strict";

function fieldOf(mark) {
  if (!mark.part) {
    return document.getElementById(`id_${mark.name}`);
  }
  for (const input of document.querySelectorAll(`input[name^="${mark.part}-"][name$="-id"]`)) {
    if (input.value === String(mark.pk)) {
      const prefix = input.name.slice(0, -"id".length);
      return document.getElementById(`id_${prefix}${mark.name}`);
    }
  }
  return null;
}

function markTabs() {
  const data = document.getElementById("translation-marks");
  if (!data) {
    return;
  }
  for (const mark of JSON.parse(data.textContent)) {
    const field = fieldOf(mark);
    const tab = field && document.querySelector(`a[href="#tab_${field.id}"]`);
    if (!tab || tab.querySelector(".translation-mark")) {
      continue;
    }
    const badge = document.createElement("span");
    badge.className = `translation-mark translation-mark--${mark.state}`;
    badge.textContent = mark.state === "stale" ? "⚠" : "✗";
    const words = document.createElement("span");
    words.className = "visually-hidden";
    words.textContent = mark.label;
    badge.append(words);
    badge.title = mark.label;
    tab.append(" ", badge);
  }
}

function openLanguage() {
  const wanted = document.getElementById("translation-open-language");
  const select = document.getElementById("modeltranslation-main-switch");
  if (!wanted || !select) {
    return;
  }
  for (const option of select.options) {
    if (option.textContent === wanted.dataset.language) {
      select.value = option.value;
      select.dispatchEvent(new Event("change", { bubbles: true }));
    }
  }
}

window.addEventListener("load", () => {
  const jQuery = window.jQuery || window.$ || window.django.jQuery;
  jQuery(() => {
    markTabs();
    openLanguage();
  });
});
