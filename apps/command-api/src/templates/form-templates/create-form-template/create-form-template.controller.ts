import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { ApiCreatedResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, CommandController, commandResponse, CommandResponse, NewId } from '@dossiers/platform';
import { CreateFormTemplateDto } from './create-form-template.dto';
import { CreateFormTemplateHandler } from './create-form-template.handler';

@ApiTags('templates')
@CommandController()
@Controller('form-templates')
export class CreateFormTemplateController {
  constructor(private readonly handler: CreateFormTemplateHandler) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponse })
  async create(
    @Body() dto: CreateFormTemplateDto,
    @NewId('form-template') id: string,
    @Ctx() context: CommandContext,
  ) {
    return commandResponse(id, await this.handler.execute(id, dto, context));
  }
}
