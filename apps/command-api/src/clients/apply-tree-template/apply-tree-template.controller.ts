import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { ClientCommandRunner, orThrow } from '../client-command-runner';
import { ClientSteps } from '../client-steps';

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
  constructor(
    private readonly steps: ClientSteps,
    private readonly runner: ClientCommandRunner,
  ) {}

  @Post(':id/tree')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponse })
  async apply(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Body() dto: ApplyTreeTemplateDto,
    @Ctx() context: CommandContext,
  ) {
    const command = orThrow(await this.steps.tree(id, dto.treeTemplateId ?? '', 'treeTemplateId', context));
    return commandResponse(id, await this.runner.run(id, command, context));
  }
}
