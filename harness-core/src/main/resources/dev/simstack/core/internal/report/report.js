(function () {
  // Filters and pages the event list; everything else in the report is static.
  var rows = Array.prototype.slice.call(document.querySelectorAll('#ev-rows tr'));
  var filter = document.getElementById('ev-filter');
  var kind = document.getElementById('ev-kind');
  var pageText = document.getElementById('ev-page');
  var count = document.getElementById('ev-count');
  var size = 100, page = 0, shown = rows;
  function apply() {
    var text = filter.value.toLowerCase(), wanted = kind.value;
    shown = rows.filter(function (row) {
      var k = row.getAttribute('data-kind');
      if (wanted && k !== wanted) { return false; }
      return !text || row.textContent.toLowerCase().indexOf(text) >= 0;
    });
    page = Math.min(page, Math.max(0, Math.ceil(shown.length / size) - 1));
    draw();
  }
  function draw() {
    rows.forEach(function (row) { row.style.display = 'none'; });
    shown.slice(page * size, page * size + size).forEach(function (row) { row.style.display = ''; });
    var pages = Math.max(1, Math.ceil(shown.length / size));
    pageText.textContent = 'page ' + (page + 1) + ' of ' + pages;
    count.textContent = shown.filter(function (row) { return row.getAttribute('data-kind'); }).length
        + ' of ' + rows.filter(function (row) { return row.getAttribute('data-kind'); }).length + ' listed entries match';
  }
  filter.addEventListener('input', function () { page = 0; apply(); });
  kind.addEventListener('change', function () { page = 0; apply(); });
  document.getElementById('ev-prev').addEventListener('click', function () { if (page > 0) { page--; draw(); } });
  document.getElementById('ev-next').addEventListener('click', function () {
    if ((page + 1) * size < shown.length) { page++; draw(); }
  });
  apply();
})();
