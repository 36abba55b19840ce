// The dashboard's only script: draws the overview chart from the data the server put in the page,
// redraws it when htmx swaps in fresh numbers, and submits selects marked auto-submit on change.
(function () {
  'use strict';
  var chart = null;

  function draw() {
    var element = document.getElementById('chart');
    if (!element || typeof echarts === 'undefined') {
      return;
    }
    var data = JSON.parse(element.getAttribute('data-chart'));
    if (chart && chart.getDom() !== element) {
      chart.dispose();
      chart = null;
    }
    if (!chart) {
      chart = echarts.init(element);
    }
    chart.setOption({
      animation: false,
      color: ['#1a7f37', '#8c959f', '#cf222e'],
      tooltip: { trigger: 'axis' },
      legend: { top: 0, itemGap: 24 },
      grid: { left: 40, right: 16, top: 32, bottom: 40 },
      xAxis: { type: 'category', data: data.labels },
      yAxis: { type: 'value', minInterval: 1 },
      series: data.series.map(function (s) {
        return { name: s.name, type: 'bar', stack: 'messages', data: s.data };
      })
    });
    element.setAttribute('data-drawn', 'true');
  }

  document.addEventListener('DOMContentLoaded', function () {
    draw();
    document.querySelectorAll('select.auto-submit').forEach(function (select) {
      select.addEventListener('change', function () { select.form.submit(); });
    });
  });
  document.addEventListener('htmx:afterSettle', draw);
  window.addEventListener('resize', function () { if (chart) { chart.resize(); } });
})();
