import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import {
  Command,
  CommandController,
  commandResponse,
  CommandResponse,
  ResourceIdPipe,
} from '@dossiers/platform';
import { UpdateCollaboratorDto } from './update-collaborator.dto';
import { UpdateCollaboratorHandler } from './update-collaborator.handler';

@ApiTags('collaborators')
@CommandController()
@Controller('collaborators')
export class UpdateCollaboratorController {
  constructor(private readonly handler: UpdateCollaboratorHandler) {}

  @Patch(':id')
  @ApiOkResponse({ type: CommandResponse })
  async update(
    @Param('id', new ResourceIdPipe('collaborator')) id: string,
    @Body() dto: UpdateCollaboratorDto,
    @Command() context: CommandContext,
  ) {
    return commandResponse(id, await this.handler.execute(id, dto, context));
  }
}
