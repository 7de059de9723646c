import { Body, Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { SheetTemplateDto } from '../sheet-template.dto';
import { SaveTemplateCommand } from '../../save-template/save-template.command';

@ApiTags('templates')
@CommandController()
@Controller('sheet-templates')
export class ReplaceSheetTemplateController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put(':id')
  @ApiOkResponse({ type: CommandResponse })
  async replace(
    @Param('id', new ResourceIdPipe('sheet template')) id: string,
    @Body() dto: SheetTemplateDto,
    @Ctx() context: CommandContext,
  ) {
    const command = new SaveTemplateCommand('sheet', 'replace', id, dto.name, dto.fields, context);
    return commandResponse(id, await this.commandBus.execute(command));
  }
}
