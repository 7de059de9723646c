import { Controller, Delete, Param } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { DeleteTemplateCommand } from '../../delete-template/delete-template.command';

@ApiTags('templates')
@CommandController()
@Controller('reminder-templates')
export class DeleteReminderTemplateController {
  constructor(private readonly commandBus: CommandBus) {}

  @Delete(':id')
  @ApiOkResponse({ type: CommandResponse })
  async delete(
    @Param('id', new ResourceIdPipe('reminder template')) id: string,
    @Ctx() context: CommandContext,
  ) {
    return commandResponse(
      id,
      await this.commandBus.execute(new DeleteTemplateCommand('reminder', id, context)),
    );
  }
}
