import { Body, Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { ReminderTemplateDto } from '../reminder-template.dto';
import { SaveTemplateCommand } from '../../save-template/save-template.command';

@ApiTags('templates')
@CommandController()
@Controller('reminder-templates')
export class ReplaceReminderTemplateController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put(':id')
  @ApiOkResponse({ type: CommandResponse })
  async replace(
    @Param('id', new ResourceIdPipe('reminder template')) id: string,
    @Body() dto: ReminderTemplateDto,
    @Ctx() context: CommandContext,
  ) {
    const command = new SaveTemplateCommand('reminder', 'replace', id, dto.name, dto.texts, context);
    return commandResponse(id, await this.commandBus.execute(command));
  }
}
