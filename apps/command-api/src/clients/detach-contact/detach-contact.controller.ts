import { Controller, Delete, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { ClientCommandRunner } from '../client-command-runner';

/** Unlinks a contact from the client; the contact stays in the directory. */
@ApiTags('client sheet')
@CommandController()
@Controller('clients')
export class DetachContactController {
  constructor(private readonly runner: ClientCommandRunner) {}

  @Delete(':id/contacts/:contactId')
  @ApiOkResponse({ type: CommandResponse })
  async detach(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('contactId', new ResourceIdPipe('contact')) contactId: string,
    @Ctx() context: CommandContext,
  ) {
    const result = await this.runner.run(id, { type: 'DetachContact', clientId: id, contactId }, context);
    return commandResponse(id, result);
  }
}
