import { Body, Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { AssignCollaboratorDto } from './assign-collaborator.dto';
import { AssignCollaboratorCommand } from './assign-collaborator.command';

/** AssignCollaborator: sets a collaborator's access to the client. */
@ApiTags('client sheet')
@CommandController()
@Controller('clients')
export class AssignCollaboratorController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put(':id/collaborators/:collaboratorId')
  @ApiOkResponse({ type: CommandResponse })
  async assign(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('collaboratorId', new ResourceIdPipe('collaborator')) collaboratorId: string,
    @Body() dto: AssignCollaboratorDto,
    @Ctx() context: CommandContext,
  ) {
    const command = new AssignCollaboratorCommand(id, collaboratorId, dto.access, context);
    return commandResponse(id, await this.commandBus.execute(command));
  }
}
