import { Controller, Get, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { GetSettingsQuery } from './get-settings.query';
import { SettingsDetails } from '../../responses/settings.responses';

@ApiTags('settings')
@QueryController()
@Controller('settings')
export class GetSettingsController {
  constructor(private readonly queryBus: QueryBus) {}

  /** The ETag is the settings' revision, for PUT's If-Match; none while they were never changed. */
  @Get()
  @ApiOkResponse({ type: SettingsDetails })
  async get(@CurrentPrincipal() principal: Principal, @Res({ passthrough: true }) reply: FastifyReply) {
    const settings = await this.queryBus.execute(new GetSettingsQuery(principal));
    if (settings.revision !== null) void reply.header('etag', `"${settings.revision}"`);
    return settings;
  }
}
