import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { ApplyTreeTemplateDto } from './apply-tree-template.dto';
import { ApplyTreeTemplateCommand } from './apply-tree-template.command';

/**
 * ApplyTreeTemplate: adds the template's folders the client lacks. Existing folders, their files
 * and rights are never removed or changed, whichever template they came from.
 */
@ApiTags('client sheet')
@CommandController()
@Controller('clients')
export class ApplyTreeTemplateController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/tree')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponse })
  async apply(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Body() dto: ApplyTreeTemplateDto,
    @Ctx() context: CommandContext,
  ) {
    const command = new ApplyTreeTemplateCommand(id, dto.treeTemplateId, context);
    return commandResponse(id, await this.commandBus.execute(command));
  }
}
