import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import {
  Command,
  CommandController,
  commandResponse,
  CommandResponse,
  ResourceIdPipe,
} from '@dossiers/platform';
import { TreeTemplateDto } from '../tree-template.dto';
import { ReplaceTreeTemplateHandler } from './replace-tree-template.handler';

@ApiTags('templates')
@CommandController()
@Controller('tree-templates')
export class ReplaceTreeTemplateController {
  constructor(private readonly handler: ReplaceTreeTemplateHandler) {}

  @Put(':id')
  @ApiOkResponse({ type: CommandResponse })
  async replace(
    @Param('id', new ResourceIdPipe('tree template')) id: string,
    @Body() dto: TreeTemplateDto,
    @Command() context: CommandContext,
  ) {
    return commandResponse(id, await this.handler.execute(id, dto, context));
  }
}
