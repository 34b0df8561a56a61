// 打印本页: the button is hidden until this script runs, so a reader without scripts never sees a dead button.
(function () {
  "use strict";
  document.querySelectorAll("button[data-print]").forEach(function (button) {
    button.hidden = false;
    button.addEventListener("click", function () { window.print(); });
  });
})();
