// Draws a chart from each data table marked data-chart="stacked-bar": the table stays the accessible
// source of the figures; the chart (hidden from assistive technology) repeats them visually. Rows of
// the table body are the categories, columns but the first and the last (total) are the series.
(function () {
  function draw(table) {
    var target = document.querySelector('[data-chart-for="' + table.id + '"]');
    if (!target || typeof echarts === 'undefined') {
      return;
    }
    var headers = Array.prototype.map.call(table.tHead.rows[0].cells, function (c) {
      return c.textContent.trim();
    });
    var rows = Array.prototype.slice.call(table.tBodies[0].rows);
    var categories = rows.map(function (r) { return r.cells[0].textContent.trim(); });
    var series = [];
    for (var col = 1; col < headers.length - 1; col++) {
      series.push({
        name: headers[col],
        type: 'bar',
        stack: 'total',
        data: rows.map(function (r) { return Number(r.cells[col].textContent.trim()) || 0; })
      });
    }
    var rtl = document.documentElement.dir === 'rtl';
    target.style.height = Math.max(180, 60 + categories.length * 40) + 'px';
    var chart = echarts.init(target, null, { renderer: 'canvas' });
    chart.setOption({
      animation: false,
      color: ['#1b7f3b', '#7fb77e', '#6c757d', '#ffbf47'],
      tooltip: { trigger: 'axis' },
      legend: { top: 0 },
      grid: { left: rtl ? 10 : 90, right: rtl ? 90 : 10, top: 40, bottom: 20 },
      xAxis: { type: 'value', inverse: rtl },
      yAxis: { type: 'category', data: categories, position: rtl ? 'right' : 'left' },
      series: series
    });
    window.addEventListener('resize', function () { chart.resize(); });
  }
  function init() {
    document.querySelectorAll('table[data-chart="stacked-bar"]').forEach(draw);
  }
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
