import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, NewId } from '@dossiers/platform';
import { CreateFormTemplateDto } from './create-form-template.dto';
import { CreateFormTemplateCommand } from './create-form-template.command';

@ApiTags('templates')
@CommandController()
@Controller('form-templates')
export class CreateFormTemplateController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponse })
  async create(
    @Body() dto: CreateFormTemplateDto,
    @NewId('form-template') id: string,
    @Ctx() context: CommandContext,
  ) {
    const command = new CreateFormTemplateCommand(id, dto, context);
    return commandResponse(id, await this.commandBus.execute(command));
  }
}
