import { Body, Controller, Param, Patch } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import {
  Command,
  CommandController,
  commandResponse,
  CommandResponse,
  ResourceIdPipe,
} from '@dossiers/platform';
import { UpdateContactDto } from './update-contact.dto';
import { UpdateContactHandler } from './update-contact.handler';

@ApiTags('contacts')
@CommandController()
@Controller('contacts')
export class UpdateContactController {
  constructor(private readonly handler: UpdateContactHandler) {}

  @Patch(':id')
  @ApiOkResponse({ type: CommandResponse })
  async update(
    @Param('id', new ResourceIdPipe('contact')) id: string,
    @Body() dto: UpdateContactDto,
    @Command() context: CommandContext,
  ) {
    return commandResponse(id, await this.handler.execute(id, dto, context));
  }
}
