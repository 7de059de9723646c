import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiCreatedResponse, ApiForbiddenResponse, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import {
  Ctx,
  CommandController,
  commandResponse,
  CommandResponse,
  ErrorBodySchema,
  NewId,
} from '@dossiers/platform';
import { RegisterCollaboratorDto } from './register-collaborator.dto';
import { RegisterCollaboratorCommand } from './register-collaborator.command';

@ApiTags('collaborators')
@CommandController()
@Controller('collaborators')
export class RegisterCollaboratorController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @HttpCode(201)
  @ApiCreatedResponse({ type: CommandResponse })
  @ApiForbiddenResponse({
    type: ErrorBodySchema,
    description: "IDENTITY_CHANGE_FORBIDDEN: a collaborator's record is for admin and service only",
  })
  async register(
    @Body() dto: RegisterCollaboratorDto,
    @NewId('collaborator') id: string,
    @Ctx() context: CommandContext,
  ) {
    return commandResponse(
      id,
      await this.commandBus.execute(new RegisterCollaboratorCommand(id, dto, context)),
    );
  }
}
