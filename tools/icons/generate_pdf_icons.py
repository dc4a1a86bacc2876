#!/usr/bin/env python3
"""Writes the AWS icons the PDF report's diagram draws, out of the npm package the canvas uses.

The canvas draws each element with its official AWS icon (npm `aws-icons`, chosen per kind in
ui/src/model/icons.ts). So that the report's diagram shows the same icons, this script reads that
file for the kind-to-icon choice and the package's SVG files for the shapes, and writes them as
filled polygons (curves and arcs flattened to within a five-hundredth of the icon's size), in
thousandths of the icon's width, to crates/report/src/pdf/aws_icons.txt. The report embeds that
file at compile time and draws the polygons as PDF vector paths. Nothing is downloaded: the SVG
files are the ones `npm ci` installed under ui/node_modules.

    .venv/bin/python tools/icons/generate_pdf_icons.py           # rewrite it
    .venv/bin/python tools/icons/generate_pdf_icons.py --check   # fail when it is stale (make test-ui)

Output format, one record a line: `kind KEY ICON` maps an element (`component:ecs_service`,
`identity:iam_role`, `actor:customer`, `segment:vpc`, `subnet:public`) to an icon; `icon NAME`
starts an icon, and each `path RRGGBB RULE X,Y X,Y ...;X,Y ...` that follows is one filled
path of it (RULE `nonzero` or `evenodd`, rings separated by `;`).
"""

import argparse
import json
import math
import re
import sys
import xml.etree.ElementTree as ElementTree
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
ICONS_TS = ROOT / "ui" / "src" / "model" / "icons.ts"
PACKAGE = ROOT / "ui" / "node_modules" / "aws-icons"
OUTPUT = ROOT / "crates" / "report" / "src" / "pdf" / "aws_icons.txt"
# The element groups of icons.ts and the prefix of their keys in the output.
RECORDS = {
    "componentIcons": "component",
    "identityIcons": "identity",
    "actorIcons": "actor",
    "segmentIcons": "segment",
    "subnetIcons": "subnet",
}
# Flatness, in units of the icon's width: far below what print at icon size shows.
TOLERANCE = 0.002
SVG = "{http://www.w3.org/2000/svg}"


def icon_choices() -> tuple[dict[str, str], dict[str, str]]:
    """The icon file of each import of icons.ts, and the import each element key uses."""
    source = ICONS_TS.read_text()
    imports = dict(re.findall(r'^import (\w+) from "aws-icons/(icons/[^"]+\.svg)";', source, re.M))
    kinds: dict[str, str] = {}
    for record, prefix in RECORDS.items():
        match = re.search(r"export const " + record + r"\b[^=]*= \{(.*?)\};", source, re.S)
        if not match:
            raise SystemExit(f"{ICONS_TS}: no `{record}`")
        for entry in match.group(1).split(","):
            key, _, value = entry.partition(":")
            if key.strip():
                kinds[f"{prefix}:{key.strip()}"] = value.strip() or key.strip()
    missing = sorted(v for v in kinds.values() if v not in imports)
    if missing:
        raise SystemExit(f"{ICONS_TS}: no import for {missing}")
    return imports, kinds


NUMBER = re.compile(r"[-+]?(?:\d+\.?\d*|\.\d+)(?:[eE][-+]?\d+)?")


def tokens(d: str):
    """Path data as commands and numbers; an arc's two flags may be written without spaces."""
    position = 0
    command = None
    argument = 0
    while position < len(d):
        char = d[position]
        if char.isspace() or char == ",":
            position += 1
            continue
        if char.isalpha():
            command = char
            argument = 0
            yield char
            position += 1
            continue
        if command in "aA" and argument % 7 in (3, 4) and char in "01":
            yield float(char)
            position += 1
        else:
            match = NUMBER.match(d, position)
            if not match:
                raise ValueError(f"bad path data at {d[position:position + 20]!r}")
            yield float(match.group())
            position = match.end()
        argument += 1


def cubic(p0, p1, p2, p3, size):
    """Points along a cubic Bézier, enough that no chord strays past the tolerance."""
    length = math.dist(p0, p1) + math.dist(p1, p2) + math.dist(p2, p3)
    steps = max(1, min(64, math.ceil(math.sqrt(length / (size * TOLERANCE) / 8))))
    out = []
    for step in range(1, steps + 1):
        t = step / steps
        u = 1 - t
        out.append(
            (
                u**3 * p0[0] + 3 * u * u * t * p1[0] + 3 * u * t * t * p2[0] + t**3 * p3[0],
                u**3 * p0[1] + 3 * u * u * t * p1[1] + 3 * u * t * t * p2[1] + t**3 * p3[1],
            )
        )
    return out


def arc(p0, rx, ry, rotation, large, sweep, p1, size):
    """Points along an SVG elliptical arc (the endpoint parametrisation of SVG 1.1, F.6.5)."""
    if p0 == p1:
        return []
    if rx == 0 or ry == 0:
        return [p1]
    rx, ry = abs(rx), abs(ry)
    phi = math.radians(rotation)
    cos, sin = math.cos(phi), math.sin(phi)
    dx, dy = (p0[0] - p1[0]) / 2, (p0[1] - p1[1]) / 2
    x1 = cos * dx + sin * dy
    y1 = -sin * dx + cos * dy
    scale = x1 * x1 / (rx * rx) + y1 * y1 / (ry * ry)
    if scale > 1:
        rx, ry = rx * math.sqrt(scale), ry * math.sqrt(scale)
    numerator = rx * rx * ry * ry - rx * rx * y1 * y1 - ry * ry * x1 * x1
    denominator = rx * rx * y1 * y1 + ry * ry * x1 * x1
    factor = math.sqrt(max(0.0, numerator / denominator)) if denominator else 0.0
    if large == sweep:
        factor = -factor
    cx1, cy1 = factor * rx * y1 / ry, -factor * ry * x1 / rx
    cx = cos * cx1 - sin * cy1 + (p0[0] + p1[0]) / 2
    cy = sin * cx1 + cos * cy1 + (p0[1] + p1[1]) / 2

    def angle(ux, uy, vx, vy):
        return math.atan2(ux * vy - uy * vx, ux * vx + uy * vy)

    start = angle(1, 0, (x1 - cx1) / rx, (y1 - cy1) / ry)
    delta = angle((x1 - cx1) / rx, (y1 - cy1) / ry, (-x1 - cx1) / rx, (-y1 - cy1) / ry)
    if not sweep and delta > 0:
        delta -= 2 * math.pi
    elif sweep and delta < 0:
        delta += 2 * math.pi
    radius = max(rx, ry)
    # The chord of an arc of angle a strays r(1 - cos(a/2)) from it.
    step_angle = 2 * math.acos(max(-1.0, 1 - size * TOLERANCE / radius)) if radius > size * TOLERANCE else math.pi
    steps = max(1, min(128, math.ceil(abs(delta) / max(step_angle, 1e-3))))
    out = []
    for step in range(1, steps + 1):
        theta = start + delta * step / steps
        x, y = rx * math.cos(theta), ry * math.sin(theta)
        out.append((cos * x - sin * y + cx, sin * x + cos * y + cy))
    out[-1] = p1
    return out


def rings(d: str, size: float) -> list[list[tuple[float, float]]]:
    """The closed outlines of a path, curves flattened, in the path's own units."""
    items = list(tokens(d))
    out: list[list[tuple[float, float]]] = []
    ring: list[tuple[float, float]] = []
    current = start = (0.0, 0.0)
    control = None
    index = 0
    command = None

    def take(count):
        nonlocal index
        values = items[index : index + count]
        if len(values) < count or any(isinstance(v, str) for v in values):
            raise ValueError(f"{command}: expected {count} numbers")
        index += count
        return values

    def close_ring():
        nonlocal ring
        if len(ring) > 2:
            out.append(ring)
        ring = []

    while index < len(items):
        if isinstance(items[index], str):
            command = items[index]
            index += 1
            if command in "zZ":
                current = start
                close_ring()
                control = None
                continue
        elif command is None:
            raise ValueError("path data starts with a number")
        relative = command.islower()
        origin = current if relative else (0.0, 0.0)
        upper = command.upper()

        def point(x, y):
            return (origin[0] + x, origin[1] + y)

        next_control = None
        if upper == "M":
            close_ring()
            current = start = point(*take(2))
            ring = [current]
            # Further pairs after a moveto are linetos.
            command = "l" if relative else "L"
        elif upper == "L":
            current = point(*take(2))
            ring.append(current)
        elif upper == "H":
            (x,) = take(1)
            current = (origin[0] + x, current[1])
            ring.append(current)
        elif upper == "V":
            (y,) = take(1)
            current = (current[0], origin[1] + y)
            ring.append(current)
        elif upper in "CS":
            if upper == "C":
                x1, y1, x2, y2, x, y = take(6)
                c1 = point(x1, y1)
            else:
                x2, y2, x, y = take(4)
                c1 = (2 * current[0] - control[0], 2 * current[1] - control[1]) if control else current
            c2, end = point(x2, y2), point(x, y)
            ring.extend(cubic(current, c1, c2, end, size))
            current, next_control = end, c2
        elif upper in "QT":
            if upper == "Q":
                qx, qy, x, y = take(4)
                q = point(qx, qy)
            else:
                x, y = take(2)
                q = (2 * current[0] - control[0], 2 * current[1] - control[1]) if control else current
            end = point(x, y)
            c1 = (current[0] + 2 / 3 * (q[0] - current[0]), current[1] + 2 / 3 * (q[1] - current[1]))
            c2 = (end[0] + 2 / 3 * (q[0] - end[0]), end[1] + 2 / 3 * (q[1] - end[1]))
            ring.extend(cubic(current, c1, c2, end, size))
            current, next_control = end, q
        elif upper == "A":
            rx, ry, rotation, large, sweep, x, y = take(7)
            end = point(x, y)
            ring.extend(arc(current, rx, ry, rotation, int(large), int(sweep), end, size))
            current = end
        else:
            raise ValueError(f"unsupported path command {command}")
        # The smooth curves reflect the previous control point only after a curve of their kind.
        control = next_control if upper in "CSQT" else None
    close_ring()
    return out


def colour(value: str) -> str:
    value = value.strip().lower()
    if re.fullmatch(r"#[0-9a-f]{6}", value):
        return value[1:]
    if re.fullmatch(r"#[0-9a-f]{3}", value):
        return "".join(c * 2 for c in value[1:])
    named = {"white": "ffffff", "black": "000000"}
    if value in named:
        return named[value]
    raise ValueError(f"unsupported colour {value!r}")


def icon_paths(file: Path) -> list[str]:
    root = ElementTree.parse(file).getroot()
    _, _, width, _ = (float(v) for v in root.get("viewBox").split())
    out = []

    def visit(element, fill, rule):
        fill = element.get("fill", fill)
        rule = element.get("fill-rule", rule)
        if element.tag == SVG + "path" and fill != "none":
            outlines = rings(element.get("d"), width)
            text = ";".join(
                " ".join(f"{round(x / width * 1000)},{round(y / width * 1000)}" for x, y in ring) for ring in outlines
            )
            if text:
                out.append(f"path {colour(fill)} {rule} {text}")
        elif element.tag not in (SVG + "svg", SVG + "g", SVG + "title", SVG + "path"):
            raise ValueError(f"{file}: unsupported element {element.tag}")
        for child in element:
            visit(child, fill, rule)

    visit(root, "#000000", "nonzero")
    return out


def generate() -> str:
    imports, kinds = icon_choices()
    version = json.loads((PACKAGE / "package.json").read_text())["version"]
    lines = [
        f"# aws-icons {version}, written by tools/icons/generate_pdf_icons.py from ui/src/model/icons.ts; do not edit"
    ]
    lines += [f"kind {key} {name}" for key, name in sorted(kinds.items())]
    for name in sorted(set(kinds.values())):
        lines.append(f"icon {name}")
        lines += icon_paths(PACKAGE / imports[name])
    return "\n".join(lines) + "\n"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail when the committed file differs")
    args = parser.parse_args()
    text = generate()
    if args.check:
        if not OUTPUT.exists() or OUTPUT.read_text() != text:
            print(f"{OUTPUT} is stale: run tools/icons/generate_pdf_icons.py", file=sys.stderr)
            return 1
        return 0
    OUTPUT.write_text(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
