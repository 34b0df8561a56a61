/* Statistics tables in the annual report editor (gongkai/reports/blocks.py GridMixin): computes each table's totals
   as the editor types and marks the cells of a rule that does not hold. The server computes the totals again and
   refuses to publish while a rule fails. Inputs are named …-<row>-<column>. */
(function () {
  "use strict";

  function number(input) {
    var value = input ? parseFloat(input.value) : 0;
    return isNaN(value) ? 0 : value;
  }

  function cellsOf(grid) {
    var cells = {};
    grid.querySelectorAll("input").forEach(function (input) {
      var parts = (input.name || "").split("-");
      if (parts.length < 2) return;
      var row = parts[parts.length - 2];
      var column = parts[parts.length - 1];
      (cells[row] = cells[row] || {})[column] = input;
    });
    return cells;
  }

  function computed(input) {
    input.readOnly = true;
    input.tabIndex = -1;
    input.closest(".stats-grid__cell").classList.add("stats-grid__cell--computed");
  }

  function update(grid) {
    var rules = JSON.parse(grid.dataset.rules || "{}");
    var cells = cellsOf(grid);
    var sum = function (keys, pick) { return keys.reduce(function (total, key) { return total + number(pick(key)); }, 0); };
    (rules.row_totals || []).forEach(function (row) {
      if (!cells[row] || row === rules.total_row) return;
      var total = cells[row][rules.total_column];
      total.value = sum(rules.sum_columns, function (column) { return cells[row][column]; });
      computed(total);
    });
    if (rules.total_row && cells[rules.total_row]) {
      Object.keys(cells[rules.total_row]).forEach(function (column) {
        var total = cells[rules.total_row][column];
        total.value = sum(rules.sum_rows, function (row) { return cells[row] && cells[row][column]; });
        computed(total);
      });
    }
    grid.querySelectorAll(".stats-grid__cell--problem").forEach(function (cell) {
      cell.classList.remove("stats-grid__cell--problem");
      cell.querySelector("input").removeAttribute("aria-invalid");
    });
    var problems = grid.querySelector("[data-stats-problems]");
    problems.textContent = "";
    var balance = rules.balance;
    if (!balance) return;
    Object.keys(balance.columns).forEach(function (column) {
      var pick = function (row) { return cells[row] && cells[row][column]; };
      var left = sum(balance.left, pick);
      var right = sum(balance.right, pick);
      if (left === right) return;
      balance.left.concat(balance.right).forEach(function (row) {
        var input = pick(row);
        if (!input) return;
        input.setAttribute("aria-invalid", "true");
        input.closest(".stats-grid__cell").classList.add("stats-grid__cell--problem");
      });
      var item = document.createElement("li");
      item.textContent = balance.message.replace("{column}", balance.columns[column]).replace("{left}", left).replace("{right}", right);
      problems.appendChild(item);
    });
  }

  function start(root) {
    root.querySelectorAll("[data-stats-grid]:not([data-stats-ready])").forEach(function (grid) {
      grid.dataset.statsReady = "1";
      // Each number is read out with its row and column (自然人 alone says nothing about the row).
      var columns = Array.prototype.map.call(grid.querySelectorAll(".stats-grid__column"), function (c) { return c.textContent.trim(); });
      grid.querySelectorAll(".stats-grid__row:not(.stats-grid__row--head)").forEach(function (row) {
        var label = row.querySelector(".stats-grid__label").textContent.trim();
        row.querySelectorAll("input").forEach(function (input, index) {
          input.setAttribute("aria-label", label + " " + (columns[index] || ""));
        });
      });
      update(grid);
    });
  }

  document.addEventListener("input", function (event) {
    var grid = event.target.closest && event.target.closest("[data-stats-grid]");
    if (grid) update(grid);
  });
  // StreamField draws its blocks after the page loads, and again when an editor adds a table.
  new MutationObserver(function () { start(document); }).observe(document.documentElement, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", function () { start(document); });
})();
