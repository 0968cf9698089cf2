// The staff report page: reads the JSON reports with the page's own credentials and draws them.
// Served as a file so the page runs under a Content-Security-Policy without 'unsafe-inline';
// every text from the server goes in through textContent, never as markup.
(function () {
  'use strict';

  const COLORS = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];
  const charts = {};
  let impactReport = null;

  function query(form) {
    const params = new URLSearchParams();
    ['from', 'to', 'community'].forEach(function (name) {
      const value = form.elements[name].value;
      if (value) {
        params.set(name, value);
      }
    });
    return params;
  }

  function getJson(path, params) {
    return fetch(path + '?' + params.toString(), {
      credentials: 'same-origin',
      headers: { Accept: 'application/json' }
    }).then(function (response) {
      if (!response.ok) {
        throw new Error(path + ': HTTP ' + response.status);
      }
      return response.json();
    });
  }

  function cell(row, value) {
    const td = document.createElement('td');
    td.textContent = value === null || value === undefined ? '—' : String(value);
    row.appendChild(td);
  }

  function fillTable(id, rows) {
    const body = document.querySelector('#' + id + ' tbody');
    body.replaceChildren();
    rows.forEach(function (values) {
      const tr = document.createElement('tr');
      values.forEach(function (v) { cell(tr, v); });
      body.appendChild(tr);
    });
  }

  function percent(value) {
    return value === null || value === undefined ? null : (value * 100).toFixed(1) + ' %';
  }

  function draw(id, config) {
    if (charts[id]) {
      charts[id].destroy();
    }
    charts[id] = new Chart(document.getElementById(id), config);
  }

  function showFunnel(report) {
    const funnel = report.period.community ? report.communities[0] : report.overall;
    const datasets = [{
      label: report.period.community ? funnel.communityName : 'All communities',
      data: funnel.stages.map(function (s) { return s.count; }),
      backgroundColor: COLORS[0]
    }];
    if (!report.period.community) {
      report.communities.forEach(function (c, i) {
        datasets.push({
          label: c.communityName,
          data: c.stages.map(function (s) { return s.count; }),
          backgroundColor: COLORS[(i + 1) % COLORS.length],
          hidden: true
        });
      });
    }
    draw('funnel-chart', {
      type: 'bar',
      data: { labels: funnel.stages.map(function (s) { return s.label; }), datasets: datasets },
      options: { responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, title: { display: true, text: 'Candidates' } } } }
    });
    fillTable('funnel-table', funnel.stages.map(function (s) {
      return [s.label, s.count, percent(s.conversionFromPrevious)];
    }));

    const times = funnel.timeInStage.concat([funnel.applicationToPlacement]);
    const labels = times.map(function (t) { return t.label; });
    draw('time-chart', {
      type: 'bar',
      data: {
        labels: labels,
        datasets: [
          { label: 'Min to max', data: times.map(function (t) { return t.cases ? [t.minDays, t.maxDays] : null; }),
            backgroundColor: '#c7d7e8', barPercentage: 0.15, grouped: false },
          { label: 'P10 to P90', data: times.map(function (t) { return t.cases ? [t.p10Days, t.p90Days] : null; }),
            backgroundColor: '#6b9ac4', barPercentage: 0.6, grouped: false },
          { type: 'line', label: 'Median', data: times.map(function (t) { return t.medianDays; }),
            showLine: false, pointStyle: 'line', pointRadius: 18, pointBorderWidth: 3, borderColor: '#102a43', backgroundColor: '#102a43' }
        ]
      },
      options: { responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, title: { display: true, text: 'Days' } } } }
    });
    fillTable('time-table', times.map(function (t) {
      return [t.label, t.cases, t.minDays, t.p10Days, t.medianDays, t.p90Days, t.maxDays];
    }));
    fillTable('employer-table', funnel.placementsByEmployer.map(function (e) { return [e.name, e.placements]; }));
    fillTable('exit-table', funnel.exits.map(function (e) { return [e.outcome, e.stageLabel, e.count]; }));
  }

  function showImpact() {
    if (!impactReport) {
      return;
    }
    const dimension = document.getElementById('impact-dimension').value;
    const impact = impactReport.period.community ? impactReport.communities[0] : impactReport.overall;
    document.getElementById('impact-summary').textContent =
      impact.candidates + ' candidates, of whom ' + impact.withoutSelfIdentification +
      ' gave no self-identification. Groups with fewer than ' + impactReport.minimumGroupSize +
      ' candidates at a stage are suppressed; impact ratios below ' + impactReport.fourFifthsThreshold +
      ' are flagged.';
    const stageLabels = impact.stages.map(function (s) { return s.label; });
    const groups = [];
    impact.stages.forEach(function (s) {
      s.dimensions.filter(function (d) { return d.dimension === dimension; }).forEach(function (d) {
        d.groups.forEach(function (g) {
          if (groups.indexOf(g.group) < 0) {
            groups.push(g.group);
          }
        });
      });
    });
    const datasets = groups.map(function (group, i) {
      return {
        label: group,
        backgroundColor: COLORS[i % COLORS.length],
        data: impact.stages.map(function (s) {
          const d = s.dimensions.find(function (x) { return x.dimension === dimension; });
          const g = d.groups.find(function (x) { return x.group === group; });
          return g && !g.suppressed ? g.impactRatio : null;
        })
      };
    });
    datasets.push({
      type: 'line', label: 'Four-fifths (0.8)', data: stageLabels.map(function () { return impactReport.fourFifthsThreshold; }),
      borderColor: '#d62728', borderDash: [6, 4], pointRadius: 0, fill: false
    });
    draw('impact-chart', {
      type: 'bar',
      data: { labels: stageLabels, datasets: datasets },
      options: { responsive: true, maintainAspectRatio: false, scales: { y: { beginAtZero: true, suggestedMax: 1.2, title: { display: true, text: 'Impact ratio' } } } }
    });
    const rows = [];
    impact.stages.forEach(function (s) {
      const d = s.dimensions.find(function (x) { return x.dimension === dimension; });
      d.groups.concat([d.notDisclosed]).forEach(function (g) {
        rows.push(g.suppressed
          ? [s.label, g.group, 'suppressed', null, null, null, null, null]
          : [s.label, g.group + (g.reference ? ' (reference)' : ''), g.considered, g.selected, percent(g.selectionRate),
            g.impactRatio, g.belowFourFifths === null ? null : (g.belowFourFifths ? 'yes' : 'no'),
            g.fisherP === null ? null : g.fisherP.toPrecision(3)]);
      });
    });
    fillTable('impact-table', rows);
  }

  function load(form) {
    const params = query(form);
    const status = document.getElementById('report-status');
    status.textContent = 'Loading…';
    const csv = new URLSearchParams(params);
    csv.set('format', 'csv');
    document.getElementById('funnel-csv').href = '/api/reports/funnel?' + csv.toString();
    document.getElementById('impact-csv').href = '/api/reports/adverse-impact?' + csv.toString();
    Promise.all([getJson('/api/reports/funnel', params), getJson('/api/reports/adverse-impact', params)])
      .then(function (reports) {
        showFunnel(reports[0]);
        impactReport = reports[1];
        showImpact();
        status.textContent = 'Generated ' + reports[0].generatedAt;
      })
      .catch(function (error) {
        status.textContent = 'Could not load the reports (' + error.message + ').';
      });
  }

  document.addEventListener('DOMContentLoaded', function () {
    const form = document.getElementById('report-filter');
    form.addEventListener('submit', function (event) {
      event.preventDefault();
      load(form);
    });
    document.getElementById('impact-dimension').addEventListener('change', showImpact);
    load(form);
  });
})();
