import { Body, Controller, Param, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, ResourceIdPipe } from '@dossiers/platform';
import { FormSentResponse } from '../../command-responses';
import { SendFormDto } from './send-form.dto';
import { SendFormCommand } from './send-form.command';

/** Sends a form to the client's contacts now or at `sendAt` (the wizard's step 6, later on). */
@ApiTags('client sheet')
@CommandController()
@Controller('clients')
export class SendFormController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':id/forms')
  @ApiCreatedResponse({ type: FormSentResponse })
  async send(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Body() dto: SendFormDto,
    @Ctx() context: CommandContext,
  ) {
    const { formId, ...result } = await this.commandBus.execute(new SendFormCommand(id, dto, context));
    return { ...commandResponse(id, result), formId };
  }
}
