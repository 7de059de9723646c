import { Body, Controller, HttpCode, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { LoadSheetTemplateDto } from './load-sheet-template.dto';
import { LoadSheetTemplateCommand } from './load-sheet-template.command';

/** Loads a sheet template onto an existing client: adds its fields, keeps existing values. */
@ApiTags('client sheet')
@CommandController()
@Controller('clients')
export class LoadSheetTemplateController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/sheet-template')
  @HttpCode(200)
  @ApiOkResponse({ type: CommandResponse })
  async load(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Body() dto: LoadSheetTemplateDto,
    @Ctx() context: CommandContext,
  ) {
    const command = new LoadSheetTemplateCommand(id, dto.sheetTemplateId, context);
    return commandResponse(id, await this.commandBus.execute(command));
  }
}
