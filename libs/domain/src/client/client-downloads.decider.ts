import type { ClientDownloadEvent, FileDownloaded } from '@dossiers/events';
import type { Decider } from '../shared/decider';

/** A download that sent content, to record: which file, which version, which bytes. */
export type RecordDownload = { type: 'RecordDownload' } & FileDownloaded['data'];

/**
 * A client's downloads (stream clientDownloadsStreamId): a log, apart from the client's own stream
 * so that recording one never moves the client's revision. Nothing is decided on its past, so its
 * state is empty; the rights were checked before (the query side's read models).
 */
export const clientDownloadsDecider: Decider<null, RecordDownload, ClientDownloadEvent> = {
  initialState: () => null,
  evolve: () => null,
  decide: ({ type: _type, ...data }) => [{ type: 'FileDownloaded', data }],
};
