// Reads the architecture diagram out of a PDF report with poppler's `pdftotext -bbox`: the
// words of its page on its side (the first landscape page; any after it are the diagram's
// sheets, parts of it printed larger), joined back into the lines the report drew, each with
// its top-left corner in points.
import { execFileSync } from "node:child_process";

const decode = (text) =>
  text.replace(/&(amp|lt|gt|quot|#39);/g, (_, entity) => ({ amp: "&", lt: "<", gt: ">", quot: '"', "#39": "'" })[entity]);

/** The lines of text on the report's whole diagram, in the order the page lists them. */
export function diagramLines(pdf) {
  const xhtml = execFileSync("pdftotext", ["-bbox", pdf, "-"], { encoding: "utf8", maxBuffer: 64 << 20 });
  const pages = [...xhtml.matchAll(/<page width="([\d.]+)" height="([\d.]+)">([\s\S]*?)<\/page>/g)];
  const landscape = pages.filter(([, width, height]) => Number(width) > Number(height));
  if (landscape.length === 0) throw new Error(`no landscape page among ${pages.length}`);
  const words = [...landscape[0][3].matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map(
    ([, xMin, yMin, xMax, yMax, text]) => ({ x: Number(xMin), y: Number(yMin), right: Number(xMax), height: Number(yMax) - Number(yMin), text: decode(text) }),
  );
  const lines = [];
  for (const word of words) {
    const line = lines.at(-1);
    // A word continues the line before it when it sits on the same baseline just after it.
    if (line && Math.abs(line.y - word.y) < 0.2 * word.height && word.x - line.right < word.height && word.x >= line.right - 0.1) {
      line.text += ` ${word.text}`;
      line.right = word.right;
    } else {
      lines.push({ ...word });
    }
  }
  return lines;
}
