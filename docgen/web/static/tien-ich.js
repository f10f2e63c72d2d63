// docgen web: conveniences only. Every page works without this script.
(function () {
  "use strict";
  document.querySelectorAll(".chi-khi-js").forEach(function (el) { el.hidden = false; });
  // Drag a file onto the upload box: it goes into the file input, as if picked.
  document.querySelectorAll("[data-keo-tha]").forEach(function (zone) {
    var input = zone.querySelector("input[type=file]");
    if (!input) { return; }
    ["dragenter", "dragover"].forEach(function (type) {
      zone.addEventListener(type, function (e) { e.preventDefault(); zone.classList.add("dang-keo"); });
    });
    ["dragleave", "drop"].forEach(function (type) {
      zone.addEventListener(type, function () { zone.classList.remove("dang-keo"); });
    });
    zone.addEventListener("drop", function (e) {
      e.preventDefault();
      if (e.dataTransfer && e.dataTransfer.files.length) {
        input.files = e.dataTransfer.files;
        input.dispatchEvent(new Event("change"));
      }
    });
  });
  // A form sent once shows it is working and cannot be sent twice by a double click.
  document.querySelectorAll("form.nop").forEach(function (form) {
    var button = form.querySelector("button[type=submit]");
    if (!button) { return; }
    var label = button.textContent;
    form.addEventListener("submit", function () {
      button.disabled = true; button.textContent = "Đang gửi và kiểm tra…";
    });
    // Back to this page from the result (the browser may show it as it was left): the button works again.
    window.addEventListener("pageshow", function () { button.disabled = false; button.textContent = label; });
  });
})();
