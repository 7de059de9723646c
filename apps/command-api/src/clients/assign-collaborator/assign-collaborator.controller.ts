import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { ClientCommandRunner, orThrow } from '../client-command-runner';
import { ClientSteps } from '../client-steps';

export class AssignCollaboratorDto {
  @ApiProperty({
    type: String,
    enum: ['none', 'read', 'full'],
    description: 'none: cannot see the client; read: consult + download; full: also publish + modify',
  })
  @Allow()
  access!: unknown;
}

/** AssignCollaborator: sets a collaborator's access to the client. */
@ApiTags('client sheet')
@CommandController()
@Controller('clients')
export class AssignCollaboratorController {
  constructor(
    private readonly steps: ClientSteps,
    private readonly runner: ClientCommandRunner,
  ) {}

  @Put(':id/collaborators/:collaboratorId')
  @ApiOkResponse({ type: CommandResponse })
  async assign(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Param('collaboratorId', new ResourceIdPipe('collaborator')) collaboratorId: string,
    @Body() dto: AssignCollaboratorDto,
    @Ctx() context: CommandContext,
  ) {
    const command = orThrow(
      await this.steps.collaborator(id, collaboratorId, dto.access, '', context.tenant),
    );
    return commandResponse(id, await this.runner.run(id, command, context));
  }
}
