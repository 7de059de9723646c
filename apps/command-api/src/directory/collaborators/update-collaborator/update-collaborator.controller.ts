import { Body, Controller, Param, Patch } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiForbiddenResponse, ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import {
  Ctx,
  CommandController,
  commandResponse,
  CommandResponse,
  ErrorBodySchema,
  ResourceIdPipe,
} from '@dossiers/platform';
import { UpdateCollaboratorDto } from './update-collaborator.dto';
import { UpdateCollaboratorCommand } from './update-collaborator.command';

@ApiTags('collaborators')
@CommandController()
@Controller('collaborators')
export class UpdateCollaboratorController {
  constructor(private readonly commandBus: CommandBus) {}

  @Patch(':id')
  @ApiOkResponse({ type: CommandResponse })
  @ApiForbiddenResponse({
    type: ErrorBodySchema,
    description: "IDENTITY_CHANGE_FORBIDDEN: a collaborator's record is for admin and service only",
  })
  async update(
    @Param('id', new ResourceIdPipe('collaborator')) id: string,
    @Body() dto: UpdateCollaboratorDto,
    @Ctx() context: CommandContext,
  ) {
    return commandResponse(
      id,
      await this.commandBus.execute(new UpdateCollaboratorCommand(id, dto, context)),
    );
  }
}
