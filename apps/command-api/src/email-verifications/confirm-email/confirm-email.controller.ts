import { Controller, HttpCode, Post, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiOperation,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, commandResponse, CommandResponse, ErrorBodySchema, Public } from '@dossiers/platform';
import {
  EmailVerificationTokenGuard,
  type EmailVerificationRequest,
} from '../email-verification-token.guard';
import { ConfirmEmailCommand } from './confirm-email.command';

/** Public: the token in the path, mailed to the new address, is the credential. No body: it sets no password. */
@ApiTags('email-verifications')
@Public()
@UseGuards(EmailVerificationTokenGuard)
@Controller('email-verifications')
export class ConfirmEmailController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':token')
  @HttpCode(200)
  @ApiOperation({
    summary: "the owner of a contact's new email address confirms it through the verification link",
  })
  @ApiParam({ name: 'token', description: 'the `token` parameter of the verification link' })
  @ApiOkResponse({ type: CommandResponse, description: 'id: the contact, whose email is now the new one' })
  @ApiNotFoundResponse({
    type: ErrorBodySchema,
    description: 'EMAIL_VERIFICATION_TOKEN_INVALID: not a link this firm sent',
  })
  @ApiGoneResponse({
    type: ErrorBodySchema,
    description:
      'EMAIL_VERIFICATION_USED, EMAIL_VERIFICATION_EXPIRED, or EMAIL_VERIFICATION_SUPERSEDED (a later change replaced it)',
  })
  async confirm(@Req() request: EmailVerificationRequest, @Ctx() context: CommandContext) {
    const link = request.emailVerification!;
    return commandResponse(
      link.contactId,
      await this.commandBus.execute(new ConfirmEmailCommand(link, context)),
    );
  }
}
