// Whether a segment's far-zoom summary fits inside it on screen. The summary's text keeps a
// constant size on screen whatever the zoom, so a segment that shrinks below it would let the
// text spill over its neighbours.

/** Screen pixels per character of the summary's name (11 px bold) and detail (9 px) lines. */
const NAME_CHAR_WIDTH = 7;
const DETAIL_CHAR_WIDTH = 5.5;
/** The summary's padding and its two lines' height, in screen pixels. */
const SUMMARY_PADDING = 12;
const SUMMARY_HEIGHT = 30;

/** Whether a summary of these two lines fits a segment of this size at this zoom. */
export function summaryFits(name: string, detail: string, width: number, height: number, zoom: number): boolean {
  const needed = Math.max(name.length * NAME_CHAR_WIDTH, detail.length * DETAIL_CHAR_WIDTH) + SUMMARY_PADDING;
  return width * zoom >= needed && height * zoom >= SUMMARY_HEIGHT;
}
