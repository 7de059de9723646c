import { Controller, Get, Param, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal } from '@dossiers/platform';
import { GetContactQuery } from './get-contact.query';
import { ContactDetails } from '../../../responses/directory.responses';

@ApiTags('contacts')
@QueryController()
@Controller('contacts')
export class GetContactController {
  constructor(private readonly queryBus: QueryBus) {}

  /**
   * The contact and those of its clients the caller may see; the ETag is the revision to send back
   * in If-Match.
   */
  @Get(':id')
  @ApiOkResponse({ type: ContactDetails })
  async get(
    @Param('id', new ResourceIdPipe('contact')) id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const contact = await this.queryBus.execute(new GetContactQuery(principal, id));
    void reply.header('etag', `"${contact.revision}"`);
    return contact;
  }
}
