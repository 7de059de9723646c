import { Body, Controller, Param, Put } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, ResourceIdPipe } from '@dossiers/platform';
import { SheetTemplateDto } from '../sheet-template.dto';
import { SheetTemplateWriter } from '../sheet-template-writer';

@ApiTags('templates')
@CommandController()
@Controller('sheet-templates')
export class ReplaceSheetTemplateController {
  constructor(private readonly writer: SheetTemplateWriter) {}

  @Put(':id')
  @ApiOkResponse({ type: CommandResponse })
  async replace(
    @Param('id', new ResourceIdPipe('sheet template')) id: string,
    @Body() dto: SheetTemplateDto,
    @Ctx() context: CommandContext,
  ) {
    return commandResponse(id, await this.writer.save('replace', id, dto, context));
  }
}
