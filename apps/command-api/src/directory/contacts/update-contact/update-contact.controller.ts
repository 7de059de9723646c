import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiForbiddenResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import {
  Ctx,
  CommandController,
  commandResponse,
  CommandResponse,
  ErrorBodySchema,
  ResourceIdPipe,
} from '@dossiers/platform';
import { UpdateContactDto } from './update-contact.dto';
import { UpdateContactCommand } from './update-contact.command';

@ApiTags('contacts')
@CommandController()
@Controller('contacts')
export class UpdateContactController {
  constructor(private readonly commandBus: CommandBus) {}

  @Patch(':id')
  @ApiOperation({
    summary:
      'change a contact; the new email of an activated contact waits for confirmation from the new address (see pendingEmail)',
  })
  @ApiOkResponse({ type: CommandResponse })
  @ApiForbiddenResponse({
    type: ErrorBodySchema,
    description:
      'IDENTITY_CHANGE_FORBIDDEN: firstName, lastName and email are for admin and service only (the message names the fields); FORBIDDEN: the role may not write',
  })
  async update(
    @Param('id', new ResourceIdPipe('contact')) id: string,
    @Body() dto: UpdateContactDto,
    @Ctx() context: CommandContext,
  ) {
    return commandResponse(id, await this.commandBus.execute(new UpdateContactCommand(id, dto, context)));
  }
}
