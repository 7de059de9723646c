import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { ApplyTreeTemplateCommand } from './apply-tree-template.command';

export class ApplyTreeTemplateDto {
  @ApiProperty({ type: String, format: 'uuid' })
  @Allow()
  treeTemplateId!: unknown;
}

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
