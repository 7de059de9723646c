import { Body, Controller, Param, Put } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { TreeTemplateDto } from '../tree-template.dto';
import { SaveTemplateCommand } from '../../save-template/save-template.command';

@ApiTags('templates')
@CommandController()
@Controller('tree-templates')
export class ReplaceTreeTemplateController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put(':id')
  @ApiOkResponse({ type: CommandResponse })
  async replace(
    @Param('id', new ResourceIdPipe('tree template')) id: string,
    @Body() dto: TreeTemplateDto,
    @Ctx() context: CommandContext,
  ) {
    const command = new SaveTemplateCommand('tree', 'replace', id, dto.name, dto.folders, context);
    return commandResponse(id, await this.commandBus.execute(command));
  }
}
