/* Crystallize report: draws the page's charts as SVG from the JSON embedded in it. No network, no library. */
(function () {
    'use strict';

    var SVG = 'http://www.w3.org/2000/svg';
    var STATUS_COLOR = {SUPPORTED: '#1a7f37', NOT_SUPPORTED: '#cf222e', INCONCLUSIVE: '#9a6700', ERROR: '#8250df'};
    var PALETTE = ['#4e6e96', '#d98c00', '#009e73', '#cc79a7', '#2b9bd8', '#d55e00', '#6b4fbb', '#8c8c00'];
    var failures = 0;

    function fail(message) {
        failures++;
        document.documentElement.setAttribute('data-rendered', 'error');
        var list = document.getElementById('render-errors');
        if (list) {
            var item = document.createElement('li');
            item.textContent = String(message);
            list.appendChild(item);
            list.hidden = false;
        }
    }

    window.addEventListener('error', function (event) {
        fail((event.message || 'script error') + (event.filename ? ' (' + event.filename + ':' + event.lineno + ')' : ''));
    });
    window.addEventListener('unhandledrejection', function (event) {
        fail('unhandled rejection: ' + event.reason);
    });

    function node(name, attrs, parent) {
        var e = document.createElementNS(SVG, name);
        for (var key in attrs) {
            if (Object.prototype.hasOwnProperty.call(attrs, key) && attrs[key] !== undefined && attrs[key] !== null) {
                e.setAttribute(key, attrs[key]);
            }
        }
        if (parent) {
            parent.appendChild(e);
        }
        return e;
    }

    function label(parent, x, y, content, attrs) {
        var t = node('text', attrs || {}, parent);
        t.setAttribute('x', round(x));
        t.setAttribute('y', round(y));
        t.textContent = content;
        return t;
    }

    function tooltip(parent, content) {
        node('title', {}, parent).textContent = content;
    }

    function round(v) {
        return Math.round(v * 10) / 10;
    }

    function finite(v) {
        return typeof v === 'number' && isFinite(v);
    }

    /** A number in at most four significant digits, with a true minus sign. */
    function fmt(v) {
        if (!finite(v)) {
            return 'n/a';
        }
        var a = Math.abs(v);
        var s;
        if (a !== 0 && (a >= 1e6 || a < 1e-3)) {
            s = v.toExponential(2).replace('e+', 'e');
        } else {
            s = String(parseFloat(v.toPrecision(4)));
        }
        return s.replace('-', '\u2212');
    }

    function extent(values) {
        var lo = Infinity;
        var hi = -Infinity;
        for (var i = 0; i < values.length; i++) {
            if (finite(values[i])) {
                lo = Math.min(lo, values[i]);
                hi = Math.max(hi, values[i]);
            }
        }
        if (lo === Infinity) {
            return [0, 1];
        }
        if (lo === hi) {
            var pad = lo === 0 ? 1 : Math.abs(lo) * 0.05;
            return [lo - pad, hi + pad];
        }
        var margin = (hi - lo) * 0.06;
        return [lo - margin, hi + margin];
    }

    /** Round tick values covering [lo, hi], about `count` of them. */
    function ticks(lo, hi, count) {
        var span = hi - lo;
        var step = Math.pow(10, Math.floor(Math.log(span / count) / Math.LN10));
        var err = span / count / step;
        if (err >= 7.5) {
            step *= 10;
        } else if (err >= 3.5) {
            step *= 5;
        } else if (err >= 1.5) {
            step *= 2;
        }
        var out = [];
        for (var v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step) {
            out.push(Math.abs(v) < step * 1e-9 ? 0 : v);
        }
        return out;
    }

    function scale(d0, d1, r0, r1) {
        return function (v) {
            return r0 + (v - d0) * (r1 - r0) / (d1 - d0);
        };
    }

    function svgFor(plot, width, height, description) {
        var svg = node('svg', {
            width: width, height: height, viewBox: '0 0 ' + width + ' ' + height, role: 'img',
            'aria-label': description, 'font-size': 12
        }, plot);
        tooltip(svg, description);
        return svg;
    }

    /** A path of circles, one per point: one element for thousands of points. */
    function circles(points, r) {
        var d = [];
        for (var i = 0; i < points.length; i++) {
            var x = round(points[i][0]);
            var y = round(points[i][1]);
            d.push('M' + (x - r) + ' ' + y + 'a' + r + ' ' + r + ' 0 1 0 ' + 2 * r + ' 0a' + r + ' ' + r + ' 0 1 0 '
                + (-2 * r) + ' 0');
        }
        return d.join('');
    }

    function diamond(x, y, r) {
        return 'M' + round(x) + ' ' + round(y - r) + 'L' + round(x + r) + ' ' + round(y) + 'L' + round(x) + ' '
            + round(y + r) + 'L' + round(x - r) + ' ' + round(y) + 'Z';
    }

    function shorten(text, room) {
        var fits = Math.max(3, Math.floor(room / 7));
        return text.length <= fits ? text : text.slice(0, fits - 1) + '\u2026';
    }

    function verticalAxis(svg, y, yTicks, left, right) {
        var grid = [];
        for (var i = 0; i < yTicks.length; i++) {
            var ty = round(y(yTicks[i]));
            grid.push('M' + left + ' ' + ty + 'H' + right);
            label(svg, left - 6, ty + 4, fmt(yTicks[i]), {'text-anchor': 'end', fill: '#57606a'});
        }
        node('path', {d: grid.join(''), stroke: '#d8dee4', 'stroke-width': 1, fill: 'none', 'class': 'grid'}, svg);
    }

    /** Each treatment's effect with its 95% CI, zero and margins drawn; better is to the right. */
    function forest(plot, c, width) {
        var rows = c.rows;
        var narrow = width < 560;
        var labelWidth = Math.min(170, Math.max(70, Math.round(width * 0.26)));
        var valueWidth = narrow ? 0 : 170;
        var left = labelWidth + 8;
        var right = width - valueWidth - 12;
        var top = 22;
        var rowHeight = 30;
        var height = top + rows.length * rowHeight + 62;
        var reversed = c.direction === 'LOWER_IS_BETTER';
        var values = [0];
        rows.forEach(function (r) {
            values.push(r.lo, r.hi, r.est);
            (r.margins || []).forEach(function (m) {
                values.push(m);
            });
        });
        var dom = extent(values);
        var x = reversed ? scale(dom[1], dom[0], left, right) : scale(dom[0], dom[1], left, right);
        var svg = svgFor(plot, width, height, 'Forest plot of ' + c.metric + ': each treatment\u2019s difference from '
            + 'the baseline with its 95% confidence interval');
        var bottom = top + rows.length * rowHeight;
        var xTicks = ticks(dom[0], dom[1], Math.max(3, Math.floor((right - left) / 80)));
        var grid = [];
        xTicks.forEach(function (t) {
            var tx = round(x(t));
            grid.push('M' + tx + ' ' + top + 'V' + bottom);
            label(svg, tx, bottom + 16, fmt(t), {'text-anchor': 'middle', fill: '#57606a'});
        });
        node('path', {d: grid.join(''), stroke: '#d8dee4', fill: 'none', 'class': 'grid'}, svg);
        node('path', {d: 'M' + left + ' ' + bottom + 'H' + right, stroke: '#57606a', fill: 'none', 'class': 'axis'}, svg);
        var zero = round(x(0));
        node('path', {d: 'M' + zero + ' ' + (top - 6) + 'V' + bottom, stroke: '#24292f', 'stroke-width': 1.2,
            fill: 'none', 'class': 'zero'}, svg);
        label(svg, Math.min(Math.max(zero, left + 40), right - 40), top - 9, 'no difference',
            {'text-anchor': 'middle', fill: '#24292f', 'font-size': 11});
        var marginDrawn = false;
        rows.forEach(function (r, i) {
            var cy = top + i * rowHeight + rowHeight / 2;
            var color = STATUS_COLOR[r.status] || '#57606a';
            var g = node('g', {'class': 'row', 'data-status': r.status}, svg);
            tooltip(g, r.label + ': ' + r.status + ', difference ' + fmt(r.est) + ' [' + fmt(r.lo) + ', ' + fmt(r.hi) + ']');
            label(g, labelWidth, cy + 4, shorten(r.label, labelWidth), {'text-anchor': 'end', fill: '#24292f'});
            (r.margins || []).forEach(function (m) {
                if (finite(m)) {
                    var mx = round(x(m));
                    node('path', {d: 'M' + mx + ' ' + (cy - rowHeight / 2 + 2) + 'V' + (cy + rowHeight / 2 - 2),
                        stroke: '#bc4c00', 'stroke-width': 1.5, 'stroke-dasharray': '4 3', fill: 'none', 'class': 'margin'}, g);
                    marginDrawn = true;
                }
            });
            if (finite(r.lo) && finite(r.hi)) {
                var x0 = round(x(r.lo));
                var x1 = round(x(r.hi));
                node('path', {d: 'M' + x0 + ' ' + cy + 'H' + x1 + 'M' + x0 + ' ' + (cy - 5) + 'v10M' + x1 + ' ' + (cy - 5)
                    + 'v10', stroke: color, 'stroke-width': 2, fill: 'none', 'class': 'ci'}, g);
            }
            if (finite(r.est)) {
                var ex = round(x(r.est));
                node('path', {d: 'M' + (ex - 5) + ' ' + (cy - 5) + 'h10v10h-10Z', fill: color, 'class': 'estimate'}, g);
            } else {
                label(g, left + 4, cy + 4, 'no estimate (' + r.status.replace('_', ' ').toLowerCase() + ')',
                    {fill: color, 'font-style': 'italic'});
            }
            if (!narrow && finite(r.est)) {
                label(g, width - valueWidth, cy + 4, fmt(r.est) + (finite(r.lo) && finite(r.hi)
                    ? ' [' + fmt(r.lo) + ', ' + fmt(r.hi) + ']' : ''), {fill: '#24292f'});
            }
        });
        var axisTitle = c.metric + ': treatment \u2212 baseline' + (reversed ? ' (lower is better)' : '');
        var halfTitle = axisTitle.length * 3.4; // about half its width at 12px
        label(svg, Math.min(Math.max((left + right) / 2, halfTitle + 4), width - halfTitle - 4), bottom + 33, axisTitle,
            {'text-anchor': 'middle', fill: '#24292f'});
        if (c.direction) {
            label(svg, right, bottom + 51, 'better \u2192', {'text-anchor': 'end', fill: '#1a7f37', 'font-weight': 600});
        }
        if (marginDrawn) {
            node('path', {d: 'M' + left + ' ' + (bottom + 47) + 'h16', stroke: '#bc4c00', 'stroke-width': 1.5,
                'stroke-dasharray': '4 3', 'class': 'legend'}, svg);
            label(svg, left + 20, bottom + 51, 'margin', {fill: '#bc4c00'});
        }
    }

    /** Every group's values: box (quartiles), whiskers, the down-sampled points and the mean. */
    function distribution(plot, c, width) {
        var groups = c.groups;
        var height = 280;
        var left = 58;
        var right = width - 10;
        var top = 12;
        var bottom = height - 44;
        var values = [];
        groups.forEach(function (g) {
            values.push(g.min, g.max, g.mean);
        });
        if (c.zero) {
            values.push(0);
        }
        var dom = extent(values);
        var y = scale(dom[0], dom[1], bottom, top);
        var svg = svgFor(plot, width, height, (c.zero ? 'Paired differences of ' : 'Distribution of ') + c.metric
            + ' per ' + (c.zero ? 'treatment' : 'condition') + ': box of the quartiles, points, mean as a diamond');
        verticalAxis(svg, y, ticks(dom[0], dom[1], 5), left, right);
        node('path', {d: 'M' + left + ' ' + top + 'V' + bottom + 'H' + right, stroke: '#57606a', fill: 'none',
            'class': 'axis'}, svg);
        if (c.zero) {
            node('path', {d: 'M' + left + ' ' + round(y(0)) + 'H' + right, stroke: '#24292f', 'stroke-dasharray': '5 3',
                fill: 'none', 'class': 'zero'}, svg);
        }
        var band = (right - left) / Math.max(1, groups.length);
        groups.forEach(function (g, i) {
            var color = PALETTE[g.color % PALETTE.length];
            var cx = left + band * (i + 0.5);
            var half = Math.min(40, band * 0.3);
            var gEl = node('g', {'class': 'group'}, svg);
            tooltip(gEl, g.label + ': n=' + g.n + ', mean ' + fmt(g.mean) + ', median ' + fmt(g.median) + ', IQR ['
                + fmt(g.q1) + ', ' + fmt(g.q3) + ']');
            if (g.n > 0) {
                var pts = [];
                for (var k = 0; k < g.points.length; k++) {
                    // a fixed, even spread (golden-ratio sequence): the same picture on every render
                    var jitter = ((k * 0.6180339887) % 1 - 0.5) * half * 1.6;
                    pts.push([cx + jitter, y(g.points[k])]);
                }
                node('path', {d: circles(pts, 1.8), fill: color, 'fill-opacity': 0.35, 'class': 'points'}, gEl);
                var q1 = round(y(g.q1));
                var q3 = round(y(g.q3));
                var x0 = round(cx - half);
                var x1 = round(cx + half);
                node('path', {d: 'M' + x0 + ' ' + q3 + 'H' + x1 + 'V' + q1 + 'H' + x0 + 'Z', fill: color,
                    'fill-opacity': 0.15, stroke: color, 'stroke-width': 1.5, 'class': 'box'}, gEl);
                var md = round(y(g.median));
                var lo = round(y(g.whiskerLow));
                var hi = round(y(g.whiskerHigh));
                var cxr = round(cx);
                node('path', {d: 'M' + x0 + ' ' + md + 'H' + x1 + 'M' + cxr + ' ' + q3 + 'V' + hi + 'M' + cxr + ' ' + q1
                    + 'V' + lo + 'M' + round(cx - half / 2) + ' ' + hi + 'H' + round(cx + half / 2) + 'M'
                    + round(cx - half / 2) + ' ' + lo + 'H' + round(cx + half / 2), stroke: color, 'stroke-width': 1.5,
                    fill: 'none', 'class': 'whiskers'}, gEl);
                node('path', {d: diamond(cx, y(g.mean), 5), fill: '#24292f', stroke: '#ffffff', 'class': 'mean'}, gEl);
            }
            label(gEl, cx, bottom + 16, shorten(g.label, band), {'text-anchor': 'middle', fill: '#24292f'});
            label(gEl, cx, bottom + 31, 'n=' + g.n, {'text-anchor': 'middle', fill: '#57606a', 'font-size': 11});
        });
    }

    /** The mean and 95% CI of every condition across versions of the experiment. */
    function history(plot, c, width) {
        var versions = c.versions;
        var series = c.series;
        var height = 260;
        var left = 58;
        var right = width - 10;
        var top = 30;
        var bottom = height - 34;
        var values = [];
        series.forEach(function (s) {
            s.points.forEach(function (p) {
                values.push(p.lo, p.hi, p.mean);
            });
        });
        var dom = extent(values);
        var y = scale(dom[0], dom[1], bottom, top);
        var svg = svgFor(plot, width, height, 'History of ' + c.metric + ': mean and 95% CI per condition and version');
        verticalAxis(svg, y, ticks(dom[0], dom[1], 5), left, right);
        node('path', {d: 'M' + left + ' ' + top + 'V' + bottom + 'H' + right, stroke: '#57606a', fill: 'none',
            'class': 'axis'}, svg);
        var band = (right - left) / Math.max(1, versions.length);
        var every = Math.max(1, Math.ceil(versions.length / Math.max(1, Math.floor((right - left) / 44))));
        versions.forEach(function (v, i) {
            if (i % every === 0 || i === versions.length - 1) {
                label(svg, left + band * (i + 0.5), bottom + 16, v, {'text-anchor': 'middle', fill: '#57606a'});
            }
        });
        var legendX = left;
        series.forEach(function (s, si) {
            var color = PALETTE[s.color % PALETTE.length];
            var offset = (si - (series.length - 1) / 2) * Math.min(6, band / (series.length + 1));
            var line = [];
            var bars = [];
            var dots = [];
            s.points.forEach(function (p) {
                if (!finite(p.mean)) {
                    return;
                }
                var px = round(left + band * (p.x + 0.5) + offset);
                var py = round(y(p.mean));
                line.push((line.length ? 'L' : 'M') + px + ' ' + py);
                if (finite(p.lo) && finite(p.hi)) {
                    bars.push('M' + px + ' ' + round(y(p.lo)) + 'V' + round(y(p.hi)));
                }
                dots.push([px, py]);
            });
            var g = node('g', {'class': 'series'}, svg);
            tooltip(g, s.label);
            if (line.length > 1) {
                node('path', {d: line.join(''), stroke: color, 'stroke-width': 1.5, fill: 'none', 'class': 'trend'}, g);
            }
            if (bars.length) {
                node('path', {d: bars.join(''), stroke: color, 'stroke-width': 2, fill: 'none', 'class': 'ci'}, g);
            }
            if (dots.length) {
                node('path', {d: circles(dots, 3.5), fill: color, 'class': 'means'}, g);
            }
            node('path', {d: 'M' + legendX + ' 12h14', stroke: color, 'stroke-width': 3, 'class': 'legend'}, svg);
            var t = label(svg, legendX + 18, 16, s.label, {fill: '#24292f'});
            legendX += 26 + 7 * s.label.length;
            if (t && legendX > right - 40) {
                legendX = left; // the legend wraps onto the plot's top rows only on very narrow screens
            }
        });
    }

    var RENDERERS = {forest: forest, distribution: distribution, history: history};

    function renderAll() {
        var holder = document.getElementById('crystallize-data');
        if (!holder) {
            document.documentElement.setAttribute('data-rendered', failures ? 'error' : 'ok');
            return;
        }
        var data = JSON.parse(holder.textContent);
        var figures = document.querySelectorAll('[data-chart]');
        var drawn = 0;
        for (var i = 0; i < figures.length; i++) {
            var figure = figures[i];
            var chart = data.charts[figure.getAttribute('data-chart')];
            var plot = figure.querySelector('.plot');
            if (!chart || !plot || !RENDERERS[chart.type]) {
                fail('no data for chart ' + figure.getAttribute('data-chart'));
                continue;
            }
            while (plot.firstChild) {
                plot.removeChild(plot.firstChild);
            }
            var width = Math.max(280, Math.floor(plot.getBoundingClientRect().width) || 640);
            RENDERERS[chart.type](plot, chart, width);
            drawn++;
        }
        document.documentElement.setAttribute('data-charts-drawn', String(drawn));
        if (!failures) {
            document.documentElement.setAttribute('data-rendered', 'ok');
        }
    }

    // drawn again at once when the width changes (phones turning, windows resized): a page's
    // charts take milliseconds, and a deferred redraw would leave the old drawing in a capture
    var lastWidth = document.documentElement.clientWidth;
    renderAll();
    window.addEventListener('resize', function () {
        var width = document.documentElement.clientWidth;
        if (width !== lastWidth) {
            lastWidth = width;
            renderAll();
        }
    });
}());
