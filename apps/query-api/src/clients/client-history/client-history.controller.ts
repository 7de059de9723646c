import { Controller, Get, Inject, Param, Query } from '@nestjs/common';
import { ApiOkResponse, ApiPropertyOptional, ApiTags } from '@nestjs/swagger';
import { IsInt, Max, Min } from 'class-validator';
import { clientDownloadsStreamId, clientStreamId, NotFoundError } from '@dossiers/domain';
import { upcast } from '@dossiers/events';
import { EVENT_STORE, type EventStore } from '@dossiers/event-store';
import {
  CurrentPrincipal,
  QueryController,
  ResourceIdPipe,
  ToInteger,
  type Principal,
  Optional,
} from '@dossiers/platform';
import { ClientAccess } from '../../access/client-access';
import { ClientDownloadsPage, ClientHistoryPage } from '../../responses/client.responses';

export class ClientHistoryQuery {
  @ApiPropertyOptional({ minimum: 0, default: 0 })
  @Optional()
  @ToInteger()
  @IsInt()
  @Min(0)
  fromRevision: number = 0;

  @ApiPropertyOptional({ minimum: 1, maximum: 1000, default: 1000 })
  @Optional()
  @ToInteger()
  @IsInt()
  @Min(1)
  @Max(1000)
  limit: number = 1000;
}

/**
 * What an auditor replays: the client's own stream, oldest first, read from the event store
 * itself (not a read model), with who did it, when, and in which request; and the stream of its
 * file downloads, kept apart so that a download never moves the client's revision.
 */
/**
 * For the firm's administrators, auditors and services only: the history names every folder and
 * file, including those a collaborator's rights hide from them.
 */
@ApiTags('clients')
@QueryController(['admin', 'auditor', 'service'])
@Controller('clients')
export class ClientHistoryController {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    private readonly access: ClientAccess,
  ) {}

  @Get(':id/history')
  @ApiOkResponse({ type: ClientHistoryPage })
  async history(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Query() query: ClientHistoryQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    // The stream itself knows the client before any read model does.
    const page = await this.page(id, clientStreamId(id), query, principal);
    if (page.empty) throw new NotFoundError('client', id);
    return page.body;
  }

  /** FileDownloaded events: who downloaded which file version, when, which range. */
  @Get(':id/downloads')
  @ApiOkResponse({ type: ClientDownloadsPage })
  async downloads(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Query() query: ClientHistoryQuery,
    @CurrentPrincipal() principal: Principal,
  ) {
    await this.access.view(principal, id);
    return (await this.page(id, clientDownloadsStreamId(id), query, principal)).body;
  }

  private async page(clientId: string, streamId: string, query: ClientHistoryQuery, principal: Principal) {
    // One event more than the page: whether it exists tells if there is a next page.
    const read = await this.eventStore.readStream(streamId, {
      fromRevision: query.fromRevision,
      maxCount: query.limit + 1,
    });
    const events = read.slice(0, query.limit);
    const owner =
      query.fromRevision === 0 ? events[0] : (await this.eventStore.readStream(streamId, { maxCount: 1 }))[0];
    if (owner && owner.metadata.tenant !== principal.tenant) throw new NotFoundError('client', clientId);
    const last = events[events.length - 1];
    const body = {
      clientId,
      events: events.map(upcast).map((e) => ({
        id: e.id,
        type: e.type,
        schemaVersion: e.schemaVersion,
        revision: e.revision,
        position: e.position,
        data: e.data,
        metadata: e.metadata,
      })),
      /** pass as fromRevision for the next page; null at the end of the stream */
      nextRevision: read.length > query.limit ? last.revision + 1 : null,
    };
    return { body, empty: !owner };
  }
}
