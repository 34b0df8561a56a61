// Title suggestions for every search box with a `list` attribute: fills its <datalist> as the user types.
(function () {
  "use strict";
  var timer = null;
  function update(input, list) {
    var text = input.value.trim();
    if (!text) { list.innerHTML = ""; return; }
    fetch(input.getAttribute("data-suggest-url") + "?q=" + encodeURIComponent(text), { headers: { Accept: "application/json" } })
      .then(function (response) { return response.ok ? response.json() : { suggestions: [] }; })
      .then(function (data) {
        list.innerHTML = "";
        data.suggestions.forEach(function (item) {
          var option = document.createElement("option");
          option.value = item.title;
          list.appendChild(option);
        });
      })
      .catch(function () { /* suggestions are a convenience: the search itself still works */ });
  }
  document.querySelectorAll("input[list][data-suggest-url]").forEach(function (input) {
    var list = document.getElementById(input.getAttribute("list"));
    if (!list) { return; }
    input.addEventListener("input", function () {
      clearTimeout(timer);
      timer = setTimeout(function () { update(input, list); }, 200);
    });
  });
})();
