import { Body, Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, commandResponse, CommandResponse, ErrorBodySchema, Public } from '@dossiers/platform';
import { ActivationTokenGuard, type ActivationRequest } from '../activation-token.guard';
import { ActivateContactDto } from './activate-contact.dto';
import { ActivateContactCommand } from './activate-contact.command';

/** Public: the contact has no account yet; the token in the path is the credential. */
@ApiTags('activations')
@Public()
@UseGuards(ActivationTokenGuard)
@Controller('activations')
export class ActivateContactController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':token')
  @HttpCode(200)
  @ApiOperation({ summary: "the contact chooses a password through the activation email's link" })
  @ApiParam({ name: 'token', description: 'the `token` parameter of the activation link' })
  @ApiOkResponse({ type: CommandResponse, description: 'id: the contact' })
  @ApiNotFoundResponse({
    type: ErrorBodySchema,
    description: 'ACTIVATION_TOKEN_INVALID: not a link this firm sent',
  })
  @ApiBadRequestResponse({
    type: ErrorBodySchema,
    description: 'VALIDATION: the password is not 12-200 characters',
  })
  @ApiGoneResponse({
    type: ErrorBodySchema,
    description:
      "ACTIVATION_TOKEN_USED, ACTIVATION_TOKEN_EXPIRED, or ACTIVATION_LINK_SUPERSEDED: the contact's email is no longer the address the link was sent to",
  })
  async activate(
    @Body() dto: ActivateContactDto,
    @Req() request: ActivationRequest,
    @Ctx() context: CommandContext,
  ) {
    const link = request.activation!;
    return commandResponse(
      link.contactId,
      await this.commandBus.execute(new ActivateContactCommand(link, dto.password, context)),
    );
  }
}
