// How much of a segment's far-zoom summary fits inside it on screen. The summary's text keeps a
// constant size on screen whatever the zoom, so a segment that shrinks below it would let the
// text spill over its neighbours: a smaller segment shows its name alone, and one too small for
// that keeps both lines in its tooltip.

/** Screen pixels per character of the summary's name (11 px bold) and detail (9 px) lines. */
const NAME_CHAR_WIDTH = 7;
const DETAIL_CHAR_WIDTH = 5.5;
/** The summary's horizontal padding, and the height of one and of two lines, in screen pixels. */
const SUMMARY_PADDING = 12;
const NAME_HEIGHT = 17;
const SUMMARY_HEIGHT = 30;

/** What a segment's summary shows: both lines, the name alone, or nothing. */
export type SummaryFit = "full" | "name" | "none";

/** How much of a summary of these two lines fits a segment of this size at this zoom. */
export function summaryFit(name: string, detail: string, width: number, height: number, zoom: number): SummaryFit {
  const screenWidth = width * zoom;
  const screenHeight = height * zoom;
  const nameWidth = name.length * NAME_CHAR_WIDTH + SUMMARY_PADDING;
  const detailWidth = detail.length * DETAIL_CHAR_WIDTH + SUMMARY_PADDING;
  if (screenWidth >= Math.max(nameWidth, detailWidth) && screenHeight >= SUMMARY_HEIGHT) return "full";
  if (screenWidth >= nameWidth && screenHeight >= NAME_HEIGHT) return "name";
  return "none";
}
