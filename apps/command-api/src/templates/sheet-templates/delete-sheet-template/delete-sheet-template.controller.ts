import { Controller, Delete, Param } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { DeleteSheetTemplateHandler } from './delete-sheet-template.handler';

@ApiTags('templates')
@CommandController()
@Controller('sheet-templates')
export class DeleteSheetTemplateController {
  constructor(private readonly handler: DeleteSheetTemplateHandler) {}

  @Delete(':id')
  @ApiOkResponse({ type: CommandResponse })
  async delete(
    @Param('id', new ResourceIdPipe('sheet template')) id: string,
    @Ctx() context: CommandContext,
  ) {
    return commandResponse(id, await this.handler.execute(id, context));
  }
}
