#!/usr/bin/env python3
"""Checks the DOM headless Chromium made of each report page (see check_report.sh).

  check_report.py <report directory> <directory of <page>.dom.html files>
"""
import glob
import json
import os
import sys
from html.parser import HTMLParser
from urllib.parse import unquote


class Node:
    def __init__(self, tag, attrs, parent):
        self.tag, self.attrs, self.parent, self.children, self.text = tag, dict(attrs), parent, [], ""

    def all(self, tag=None, cls=None, **attrs):
        for child in self.children:
            if ((tag is None or child.tag == tag) and (cls is None or cls in child.attrs.get("class", "").split())
                    and all(child.attrs.get(k.replace("_", "-")) == v for k, v in attrs.items())):
                yield child
            yield from child.all(tag, cls, **attrs)

    def first(self, tag=None, cls=None, **attrs):
        return next(self.all(tag, cls, **attrs), None)

    def content(self):
        return self.text + "".join(c.content() for c in self.children)


VOID = {"meta", "link", "br", "img", "input", "hr", "col", "area", "base", "wbr", "source"}


class Tree(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.root = Node("#root", [], None)
        self.current = self.root

    def handle_starttag(self, tag, attrs):
        node = Node(tag, attrs, self.current)
        self.current.children.append(node)
        if tag not in VOID:
            self.current = node

    def handle_startendtag(self, tag, attrs):
        self.current.children.append(Node(tag, attrs, self.current))

    def handle_endtag(self, tag):
        node = self.current
        while node is not self.root and node.tag != tag:
            node = node.parent
        if node is not self.root:
            self.current = node.parent

    def handle_data(self, data):
        self.current.text += data


def parse(path):
    tree = Tree()
    with open(path, encoding="utf-8") as f:
        tree.feed(f.read())
    return tree.root


def verdict_rows(page):
    return {(r.attrs.get("data-experiment"), r.attrs.get("data-hypothesis"), r.attrs.get("data-treatment"),
             r.attrs.get("data-metric")): r.attrs.get("data-status") for r in page.all("tr", "verdict")}


def check_rendered(name, page, problems):
    html = page.first("html")
    if html is None or html.attrs.get("data-rendered") != "ok":
        errors = [li.content() for li in page.all("li")
                  if li.parent is not None and li.parent.attrs.get("id") == "render-errors"]
        problems.append(f"{name}: the page's script did not finish cleanly "
                        f"(data-rendered={html.attrs.get('data-rendered') if html else None}; errors {errors})")
        return
    figures = list(page.all("figure"))
    charted = [f for f in figures if "data-chart" in f.attrs]
    drawn = html.attrs.get("data-charts-drawn", "0")
    if str(len(charted)) != drawn:
        problems.append(f"{name}: {len(charted)} charts on the page, {drawn} drawn")
    for figure in charted:
        svg = figure.first("svg")
        where = f"{name} chart {figure.attrs['data-chart']}"
        if svg is None:
            problems.append(f"{where}: no SVG")
            continue
        paths = [p for p in svg.all("path") if p.attrs.get("d", "").strip()]
        if not paths:
            problems.append(f"{where}: no path drawn")
        classes = {c for p in paths for c in p.attrs.get("class", "").split()}
        label = svg.attrs.get("aria-label", "")
        if label.startswith("Forest plot") and not classes & {"estimate", "ci"} and "no estimate" not in svg.content():
            problems.append(f"{where}: a forest plot without an estimate or interval")
        if label.startswith(("Distribution", "Paired differences")) and not {"box", "points", "mean"} <= classes:
            problems.append(f"{where}: a distribution without box, points and mean ({sorted(classes)})")
        if label.startswith("History") and "means" not in classes:
            problems.append(f"{where}: a history without means")


def main(report, doms):
    problems = []
    index = parse(os.path.join(doms, "index.dom.html"))
    check_rendered("index.html", index, problems)
    index_rows = verdict_rows(index)
    expected_total = 0
    pages = sorted(glob.glob(os.path.join(report, "experiments", "*.html")))
    if not pages:
        problems.append("the report has no experiment pages")
    for path in pages:
        name = os.path.basename(path)
        page = parse(os.path.join(doms, name[:-5] + ".dom.html"))
        check_rendered(name, page, problems)
        files = page.first("section", id="files")
        link = files.first("a") if files else None
        if link is None:
            problems.append(f"{name}: no link to its version directory")
            continue
        version = os.path.normpath(os.path.join(report, "experiments", unquote(link.attrs["href"])))
        with open(os.path.join(version, "result.json"), encoding="utf-8") as f:
            result = json.load(f)
        rows = verdict_rows(page)
        for hypothesis in result["hypotheses"]:
            for v in hypothesis["verdicts"]:
                expected_total += 1
                key = (result["experiment"], hypothesis["name"], v["treatment"], v["metric"])
                for where, found in ((name, rows), ("index.html", index_rows)):
                    if found.get(key) != v["status"]:
                        problems.append(f"{where}: verdict {key} is {v['status']} in {version}/result.json, "
                                        f"the page shows {found.get(key)}")
        if len(rows) != sum(len(h["verdicts"]) for h in result["hypotheses"]):
            problems.append(f"{name}: {len(rows)} verdict rows, result.json has "
                            f"{sum(len(h['verdicts']) for h in result['hypotheses'])}")
    if len(index_rows) != expected_total:
        problems.append(f"index.html: {len(index_rows)} verdict rows, the experiments have {expected_total}")
    if problems:
        print("report check FAILED:\n  " + "\n  ".join(problems), file=sys.stderr)
        sys.exit(1)
    print(f"report DOM check: {len(pages)} experiment pages, {expected_total} verdicts present, every chart drawn")


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
