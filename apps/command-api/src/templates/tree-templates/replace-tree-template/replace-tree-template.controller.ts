import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { TreeTemplateDto } from '../tree-template.dto';
import { TreeTemplateWriter } from '../tree-template-writer';

@ApiTags('templates')
@CommandController()
@Controller('tree-templates')
export class ReplaceTreeTemplateController {
  constructor(private readonly writer: TreeTemplateWriter) {}

  @Put(':id')
  @ApiOkResponse({ type: CommandResponse })
  async replace(
    @Param('id', new ResourceIdPipe('tree template')) id: string,
    @Body() dto: TreeTemplateDto,
    @Ctx() context: CommandContext,
  ) {
    return commandResponse(id, await this.writer.save('replace', id, dto, context));
  }
}
