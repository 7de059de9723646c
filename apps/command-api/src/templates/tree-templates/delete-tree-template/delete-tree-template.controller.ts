import { Controller, Delete, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { DeleteTreeTemplateHandler } from './delete-tree-template.handler';

@ApiTags('templates')
@CommandController()
@Controller('tree-templates')
export class DeleteTreeTemplateController {
  constructor(private readonly handler: DeleteTreeTemplateHandler) {}

  @Delete(':id')
  @ApiOkResponse({ type: CommandResponse })
  async delete(@Param('id', new ResourceIdPipe('tree template')) id: string, @Ctx() context: CommandContext) {
    return commandResponse(id, await this.handler.execute(id, context));
  }
}
