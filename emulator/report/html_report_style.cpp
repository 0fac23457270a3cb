// SPDX-License-Identifier: Apache-2.0
#include "html_report_style.h"

namespace emu::report {

std::string_view htmlReportStyle()
{
    // Legend hover highlights its series with :has(); browsers without it just show the chart.
    return R"css(
body{font:14px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#222;margin:0;background:#fafafa}
main{max-width:1180px;margin:0 auto;padding:16px 24px 48px;background:#fff}
h1{font-size:24px;margin:8px 0 2px}h2{font-size:19px;margin:28px 0 8px;border-bottom:1px solid #ddd;padding-bottom:4px}
.sub{color:#555;margin:2px 0}nav{margin:10px 0;color:#555}nav a{margin-right:14px;color:#1f5f9f}
table{border-collapse:collapse;font-size:13px}th,td{text-align:left;padding:3px 10px 3px 0;vertical-align:top}
table.kv th{color:#555;font-weight:600;white-space:nowrap}
table.counts td.n{text-align:right;font-variant-numeric:tabular-nums}
table.events{width:100%}table.events thead th{position:sticky;top:0;background:#fff;border-bottom:1px solid #ccc}
table.events tbody tr:nth-child(even){background:#f6f6f6}
table.events td.t{font-variant-numeric:tabular-nums;white-space:nowrap}
tr.warning td.type{color:#b34700;font-weight:600}
.note{color:#666;font-style:italic;margin:4px 0}
figure.chart{margin:10px 0 22px}figcaption{font-weight:600;margin-bottom:2px}
svg.plot{width:100%;height:auto;display:block;font-size:11px}
svg.plot .frame{fill:none;stroke:#999}svg.plot .grid{stroke:#eee}
svg.plot .xt,svg.plot .axis-title{text-anchor:middle;fill:#444}
svg.plot .yt{text-anchor:end;dominant-baseline:middle;fill:#444}
svg.plot .s{fill:none;stroke-width:1.6;stroke-linejoin:round;opacity:.9}
svg.plot circle.s{stroke:none}
svg.plot .ref{stroke:#c00;stroke-dasharray:6 4;stroke-width:1.2}svg.plot .ref-label{fill:#c00;text-anchor:end}
svg.plot .xh{stroke:#333;stroke-dasharray:2 2;display:none}svg.plot .xh-label{fill:#333;display:none}
.legend{display:flex;flex-wrap:wrap;gap:2px 14px;font-size:12px}
.legend .lg{cursor:default;white-space:nowrap}
.legend i{display:inline-block;width:14px;height:3px;margin:0 5px 3px 0;vertical-align:middle}
figure:has(.lg:hover) .s{opacity:.15}
figure:has(.lg-0:hover) .s-0,figure:has(.lg-1:hover) .s-1,figure:has(.lg-2:hover) .s-2,
figure:has(.lg-3:hover) .s-3,figure:has(.lg-4:hover) .s-4,figure:has(.lg-5:hover) .s-5,
figure:has(.lg-6:hover) .s-6,figure:has(.lg-7:hover) .s-7,figure:has(.lg-8:hover) .s-8,
figure:has(.lg-9:hover) .s-9,figure:has(.lg-10:hover) .s-10,figure:has(.lg-11:hover) .s-11{opacity:1;stroke-width:3}
)css";
}

std::string_view htmlReportScript()
{
    // A time cursor that follows the mouse over a chart; the page is complete without it.
    return R"js(
document.querySelectorAll('svg.plot').forEach(function (s) {
  var x0 = +s.dataset.x0, x1 = +s.dataset.x1, t0 = +s.dataset.t0, t1 = +s.dataset.t1;
  var line = s.querySelector('.xh'), label = s.querySelector('.xh-label');
  function show(on) { line.style.display = label.style.display = on ? 'block' : 'none'; }
  s.addEventListener('mousemove', function (e) {
    var p = s.createSVGPoint(); p.x = e.clientX; p.y = e.clientY;
    var q = p.matrixTransform(s.getScreenCTM().inverse());
    if (q.x < x0 || q.x > x1) { show(false); return; }
    line.setAttribute('x1', q.x); line.setAttribute('x2', q.x);
    label.setAttribute('x', q.x + 4);
    label.textContent = (t0 + (q.x - x0) / (x1 - x0) * (t1 - t0)).toFixed(1) + ' s';
    show(true);
  });
  s.addEventListener('mouseleave', function () { show(false); });
});
)js";
}

} // namespace emu::report
