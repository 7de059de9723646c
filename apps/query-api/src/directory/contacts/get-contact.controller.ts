import { Controller, Get, Param, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import type { FastifyReply } from 'fastify';
import { CurrentPrincipal, QueryController, ResourceIdPipe, type Principal } from '@dossiers/platform';
import { ContactQueries } from './contact-queries';

@ApiTags('contacts')
@QueryController()
@Controller('contacts')
export class GetContactController {
  constructor(private readonly queries: ContactQueries) {}

  /** The contact and the clients it is attached to; the ETag is the revision to send back in If-Match. */
  @Get(':id')
  async get(
    @Param('id', new ResourceIdPipe('contact')) id: string,
    @CurrentPrincipal() principal: Principal,
    @Res({ passthrough: true }) reply: FastifyReply,
  ) {
    const contact = await this.queries.get(principal.tenant, id);
    void reply.header('etag', `"${contact.revision}"`);
    return contact;
  }
}
