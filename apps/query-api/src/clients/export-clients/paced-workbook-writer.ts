import { EventEmitter, once } from 'node:events';
import { PassThrough, type Readable, type Writable } from 'node:stream';
import ExcelJS from 'exceljs';

/**
 * XML gathered into chunks of about this many bytes, handed to the zip one at a time (the next
 * one waits until the zip has taken the last in). Measured on 100,000 clients: chunks of 4–16 KB
 * kept the peak RSS at ~170 MB; 20 KB chunks, or two chunks allowed to wait, brought it back to
 * ~210 MB (zlib's own buffers are 16 KB); smaller chunks cost time (4 KB: +0.9 s).
 */
const CHUNK_BYTES = 12 * 1024;

/** What exceljs writes to a part: text, a Buffer, or its own StringBuf (which copies itself out). */
type PartData = string | Buffer | { toBuffer(): Buffer };

/** exceljs's zip (archiver), as far as it is used here: it reads each part it is given in turn. */
interface Zip {
  append(source: Readable, entry: { name: string }): unknown;
}

/**
 * exceljs's streaming WorkbookWriter, but each part of the zip (the sheet's rows above all) passes
 * to the zip as it is written, and `pace()` tells the writer of rows to wait while the zip is behind.
 *
 * Why: exceljs collects a part's XML in 64 KB Buffers, each filled over ~150 rows, and hands them
 * on without backpressure. Making a row allocates ~18 KB of short-lived objects, so with the
 * apps' small young generation (`--max-semi-space-size=1`) a scavenge runs every ~50 rows and each
 * of those Buffers lived through several: all of them were promoted, and their memory (the whole
 * uncompressed sheet, ~46 MB for 100,000 clients) was only given back by a full GC that came late
 * or not at all. The export's peak RSS then depended on when that GC happened (150–215 MB measured).
 * Here the XML stays JavaScript text until a chunk is handed to the zip, and the Buffer made of it
 * lives only until deflate takes it in, which the writer of rows now waits for.
 *
 * exceljs opens every part it streams through `_openStream` (4.4.0), which this overrides. It is
 * undocumented: the export's end-to-end test reads the file back, so a change there would show.
 */
export class PacedWorkbookWriter extends ExcelJS.stream.xlsx.WorkbookWriter {
  private readonly parts: ZipPart[] = [];

  /** Called by exceljs for each part it streams: the sheet, and its relations or comments if any. */
  _openStream(path: string): ZipPart {
    const part = new ZipPart();
    (this as unknown as { zip: Zip }).zip.append(part.output, { name: path });
    this.parts.push(part);
    return part;
  }

  /**
   * A promise to wait for when the part the zip reads now (or next: the first one it has not
   * read to the end, as it reads them in turn) holds more than a chunk; else undefined.
   */
  pace(): Promise<void> | undefined {
    const current = this.parts.find((part) => !part.output.readableEnded);
    if (!current?.output.writableNeedDrain) return undefined;
    return once(current.output, 'drain').then(() => undefined);
  }
}

/** A header cell's width and text. */
export interface SheetColumn {
  header: string;
  width: number;
}

/** Excel column letters: 1 -> A, 27 -> AA. */
function columnLetter(index: number): string {
  let letters = '';
  for (let n = index; n > 0; n = Math.floor((n - 1) / 26))
    letters = String.fromCharCode(65 + ((n - 1) % 26)) + letters;
  return letters;
}

/**
 * A workbook streamed into `output` with one sheet, its header row written (bold, frozen,
 * filterable). Rows are committed (and leave memory) as they are written, shared strings are off.
 */
export function openStreamedSheet(output: Writable, name: string, columns: SheetColumn[]) {
  const workbook = new PacedWorkbookWriter({ stream: output, useStyles: true, useSharedStrings: false });
  const sheet = workbook.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = columns;
  const header = sheet.getRow(1);
  header.font = { bold: true, color: { argb: 'FFFFFFFF' } };
  header.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FF1F4E78' } };
  header.commit();
  sheet.autoFilter = { from: 'A1', to: `${columnLetter(columns.length)}1` };
  return { workbook, sheet };
}

/**
 * After each committed row: waits while the zip is behind (deflate runs on another thread) or
 * `output` is full, so memory stays flat however many rows there are. Rows come from a
 * synchronous cursor: these waits are also where the event loop turns, so deflate's results come
 * back and other requests are served during a long export.
 */
export async function paceRows(workbook: PacedWorkbookWriter, output: Writable): Promise<void> {
  const zipBehind = workbook.pace();
  if (zipBehind) await zipBehind;
  if (output.writableNeedDrain) await once(output, 'drain');
}

/** One part of the zip, as exceljs writes it: text gathered into chunks, then written to `output`. */
class ZipPart extends EventEmitter {
  readonly output = new PassThrough({ highWaterMark: CHUNK_BYTES });
  private pending: string[] = [];
  private pendingBytes = 0;

  /** exceljs pauses each part it opens, so that it emits no data of its own: nothing to pause here. */
  pause(): void {}

  write(data: PartData): boolean {
    const text =
      typeof data === 'string' ? data : (Buffer.isBuffer(data) ? data : data.toBuffer()).toString('utf8');
    this.pending.push(text);
    this.pendingBytes += Buffer.byteLength(text);
    if (this.pendingBytes >= CHUNK_BYTES) this.flush();
    return true;
  }

  /** exceljs waits for 'zipped' once a sheet is committed; the zip finishes the part on its own. */
  end(): void {
    this.flush();
    this.output.end();
    this.emit('finish');
    this.emit('zipped');
  }

  private flush(): void {
    if (this.pending.length === 0) return;
    this.output.write(this.pending.join(''));
    this.pending = [];
    this.pendingBytes = 0;
  }
}
