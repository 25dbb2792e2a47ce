// Draws a chart from each data table marked data-chart="stacked-bar", "bar" or "line": the table
// stays the accessible source of the figures; the chart (hidden from assistive technology) repeats
// them visually. Rows of the table body are the categories and the other columns the series; for a
// stacked bar the last column (the total) is left out. Right to left, the axes are mirrored.
(function () {
  function number(cell) {
    var text = cell.textContent.trim().replace(/\s/g, '').replace(',', '.');
    return text === '' ? null : Number(text);
  }
  function draw(table) {
    var kind = table.getAttribute('data-chart');
    var target = document.querySelector('[data-chart-for="' + table.id + '"]');
    if (!target || typeof echarts === 'undefined' || kind === 'none') {
      return;
    }
    var headers = Array.prototype.map.call(table.tHead.rows[0].cells, function (c) {
      return c.textContent.trim();
    });
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var categories = rows.map(function (r) { return r.cells[0].textContent.trim(); });
    var last = kind === 'stacked-bar' ? headers.length - 1 : headers.length;
    var series = [];
    for (var col = 1; col < last; col++) {
      series.push({
        name: headers[col],
        type: kind === 'line' ? 'line' : 'bar',
        stack: kind === 'stacked-bar' ? 'total' : undefined,
        connectNulls: false,
        data: rows.map(function (r) { return number(r.cells[col]); })
      });
    }
    var rtl = document.documentElement.dir === 'rtl';
    var palette = ['#1b7f3b', '#7fb77e', '#6c757d', '#ffbf47', '#0b5cad', '#b3261e'];
    // the height first: echarts sizes its canvas from the element when it starts
    target.style.height = kind === 'line' ? '320px'
      : Math.max(180, 60 + categories.length * (series.length > 1 && kind === 'bar' ? 56 : 40)) + 'px';
    // the figures are read from the table: the picture of them stays out of the accessibility tree
    target.setAttribute('aria-hidden', 'true');
    var chart = echarts.init(target, null, { renderer: 'canvas' });
    if (kind === 'line') {
      chart.setOption({
        animation: false,
        color: palette,
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: rtl ? 20 : 60, right: rtl ? 60 : 20, top: 40, bottom: 30 },
        xAxis: { type: 'category', data: categories, inverse: rtl },
        yAxis: { type: 'value', position: rtl ? 'right' : 'left' },
        series: series
      });
    } else {
      chart.setOption({
        animation: false,
        color: palette,
        tooltip: { trigger: 'axis' },
        legend: { top: 0 },
        grid: { left: rtl ? 10 : 150, right: rtl ? 150 : 10, top: 40, bottom: 20 },
        xAxis: { type: 'value', inverse: rtl },
        yAxis: { type: 'category', data: categories, inverse: true, position: rtl ? 'right' : 'left' },
        series: series
      });
    }
    window.addEventListener('resize', function () { chart.resize(); });
  }
  function init() {
    document.querySelectorAll('table[data-chart]').forEach(draw);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
