import { Controller, Delete, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { DetachContactCommand } from './detach-contact.command';

/** Unlinks a contact from the client; the contact stays in the directory. */
@ApiTags('client sheet')
@CommandController()
@Controller('clients')
export class DetachContactController {
  constructor(private readonly commandBus: CommandBus) {}

  @Delete(':id/contacts/:contactId')
  @ApiOkResponse({ type: CommandResponse })
  async detach(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('contactId', new ResourceIdPipe('contact')) contactId: string,
    @Ctx() context: CommandContext,
  ) {
    const command = new DetachContactCommand(id, contactId, context);
    return commandResponse(id, await this.commandBus.execute(command));
  }
}
