// Filters and sorting for the overview table. Without JavaScript the table is complete and the
// filter form stays hidden: this only narrows down what is already there.
document.addEventListener("DOMContentLoaded", () => {
  const form = document.getElementById("sw-filters");
  const table = document.getElementById("sw-overview");
  if (!form || !table) return;
  const rows = Array.from(table.tBodies[0].rows);
  const count = document.getElementById("sw-count");

  function matches(row) {
    const wanted = new FormData(form);
    for (const [name, value] of wanted.entries()) {
      if (!value) continue;
      const have = (row.dataset[name] || "").split(" ");
      if (!have.includes(value)) return false;
    }
    return true;
  }

  function apply() {
    let shown = 0;
    for (const row of rows) {
      const visible = matches(row);
      row.hidden = !visible;
      if (visible) shown += 1;
    }
    count.textContent = `${shown} van ${rows.length} apps`;
  }

  form.hidden = false;
  form.addEventListener("change", apply);
  apply();

  // Click a column heading to sort by it; click again to reverse.
  Array.from(table.tHead.rows[0].cells).forEach((cell, column) => {
    const button = document.createElement("button");
    button.type = "button";
    button.className = "sw-sort";
    button.textContent = cell.textContent;
    button.setAttribute("aria-label", `Sorteer op ${cell.textContent}`);
    cell.textContent = "";
    cell.appendChild(button);
    let ascending = true;
    button.addEventListener("click", () => {
      const body = table.tBodies[0];
      const key = (row) => row.cells[column].textContent.trim().toLowerCase();
      rows.sort((a, b) => key(a).localeCompare(key(b), "nl", { numeric: true }) * (ascending ? 1 : -1));
      rows.forEach((row) => body.appendChild(row));
      ascending = !ascending;
    });
  });
});
