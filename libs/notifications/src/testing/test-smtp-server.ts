import type { AddressInfo } from 'node:net';
import { SMTPServer } from 'smtp-server';

/** A mail as the test SMTP server received it, decoded enough to assert on. */
export interface ReceivedMail {
  to: string[];
  headers: Record<string, string>;
  text: string;
  html: string;
}

export interface TestSmtpServer {
  url: string;
  received: ReceivedMail[];
  /** how many DATA commands arrived, accepted or not */
  attempts: number;
  /** the next `count` messages are refused with a temporary 451 */
  rejectNext(count: number): void;
  close(): Promise<void>;
}

/** A real SMTP server on a random loopback port (smtp-server), keeping what it receives. */
export async function startTestSmtpServer(): Promise<TestSmtpServer> {
  let toReject = 0;
  const state: Omit<TestSmtpServer, 'url' | 'close' | 'rejectNext'> = { received: [], attempts: 0 };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', () => {
        state.attempts++;
        if (toReject > 0) {
          toReject--;
          const error = Object.assign(new Error('Try again later'), { responseCode: 451 });
          return callback(error);
        }
        const to = session.envelope.rcptTo.map((r) => r.address);
        state.received.push({ to, ...parseMime(Buffer.concat(chunks).toString('utf8')) });
        callback();
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.server.address() as AddressInfo;
  return Object.assign(state, {
    url: `smtp://127.0.0.1:${port}`,
    rejectNext: (count: number) => (toReject = count),
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  });
}

/** Just enough MIME for nodemailer's output: headers, and the text and HTML parts decoded. */
function parseMime(raw: string): Omit<ReceivedMail, 'to'> {
  const { headers, body } = splitPart(raw);
  const parts: Record<string, string> = {};
  const collect = (part: { headers: Record<string, string>; body: string }) => {
    const type = part.headers['content-type'] ?? 'text/plain';
    const boundary = /boundary="?([^";]+)"?/.exec(type)?.[1];
    if (boundary) {
      for (const chunk of part.body.split(`--${boundary}`).slice(1, -1))
        collect(splitPart(chunk.replace(/^\r\n/, '')));
      return;
    }
    const encoding = (part.headers['content-transfer-encoding'] ?? '7bit').toLowerCase();
    parts[type.split(';')[0].trim()] = decode(part.body, encoding);
  };
  collect({ headers, body });
  return { headers, text: parts['text/plain'] ?? '', html: parts['text/html'] ?? '' };
}

function splitPart(raw: string): { headers: Record<string, string>; body: string } {
  const end = raw.indexOf('\r\n\r\n');
  const head = raw.slice(0, end).replace(/\r\n[ \t]+/g, ' ');
  const headers: Record<string, string> = {};
  for (const line of head.split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body: raw.slice(end + 4) };
}

function decode(body: string, encoding: string): string {
  if (encoding === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64').toString('utf8');
  if (encoding !== 'quoted-printable') return body;
  const bytes = body
    .replace(/=\r\n/g, '')
    .replace(/=([0-9A-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
  return Buffer.from(bytes, 'latin1').toString('utf8');
}

/** Decodes an RFC 2047 header such as the subject (=?UTF-8?Q?...?= or =?UTF-8?B?...?=). */
export function decodeHeader(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, '?==?')
    .replace(/=\?UTF-8\?([QB])\?([^?]*)\?=/gi, (_, kind: string, text: string) =>
      kind.toUpperCase() === 'B'
        ? Buffer.from(text, 'base64').toString('utf8')
        : Buffer.from(
            text
              .replace(/_/g, ' ')
              .replace(/=([0-9A-F]{2})/g, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))),
            'latin1',
          ).toString('utf8'),
    );
}
