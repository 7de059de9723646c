import { Body, Controller, Param, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiProperty, ApiTags } from '@nestjs/swagger';
import { Allow } from 'class-validator';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, ResourceIdPipe } from '@dossiers/platform';
import { ClientCommandRunner, orThrow } from '../client-command-runner';
import { ClientSteps } from '../client-steps';
import { FormSentResponse } from '../../command-responses';

export class SendFormDto {
  @ApiProperty({ type: String, format: 'uuid' })
  @Allow()
  formTemplateId!: unknown;
}

/** Sends a form to the client's current contacts (the wizard's step 6, later on). */
@ApiTags('client sheet')
@CommandController()
@Controller('clients')
export class SendFormController {
  constructor(
    private readonly steps: ClientSteps,
    private readonly runner: ClientCommandRunner,
  ) {}

  @Post(':id/forms')
  @ApiCreatedResponse({ type: FormSentResponse })
  async send(
    @Param('id', new ResourceIdPipe('client')) id: string,
    @Body() dto: SendFormDto,
    @Ctx() context: CommandContext,
  ) {
    const command = orThrow(await this.steps.form(id, dto.formTemplateId ?? '', 'formTemplateId', context));
    return { ...commandResponse(id, await this.runner.run(id, command, context)), formId: command.formId };
  }
}
