import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { ApiOkResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { ClientCommandRunner, orThrow } from '../client-command-runner';
import { ClientSteps } from '../client-steps';

export class LoadSheetTemplateDto {
  @ApiProperty({ type: String, format: 'uuid' })
  @Allow()
  sheetTemplateId!: unknown;
}

/** Loads a sheet template onto an existing client: adds its fields, keeps existing values. */
@ApiTags('client sheet')
@CommandController()
@Controller('clients')
export class LoadSheetTemplateController {
  constructor(
    private readonly steps: ClientSteps,
    private readonly runner: ClientCommandRunner,
  ) {}

  @Post(':id/sheet-template')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponse })
  async load(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Body() dto: LoadSheetTemplateDto,
    @Ctx() context: CommandContext,
  ) {
    const required = dto.sheetTemplateId ?? '';
    const command = orThrow(await this.steps.sheetTemplate(id, required, 'sheetTemplateId', context.tenant));
    return commandResponse(id, await this.runner.run(id, command, context));
  }
}
