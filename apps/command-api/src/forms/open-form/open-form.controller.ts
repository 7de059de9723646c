import { Controller, Get, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { ApiGoneResponse, ApiNotFoundResponse, ApiOkResponse, ApiParam, ApiTags } from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, ErrorBodySchema, Public } from '@dossiers/platform';
import { FormTokenGuard, type FormLinkRequest } from '../form-token.guard';
import { FormLinkView } from '../form-link.responses';
import { OpenFormCommand } from './open-form.command';

export const TOKEN_PARAM = { name: 'token', description: "the last segment of the form mail's link" };
export const LINK_NOT_FOUND = {
  type: ErrorBodySchema,
  description:
    'FORM_LINK_INVALID or FORM_NOT_FOUND: not a link of this firm, or the contact was detached from the client',
};
export const LINK_GONE = {
  type: ErrorBodySchema,
  description: 'FORM_ALREADY_ANSWERED or FORM_LINK_EXPIRED',
};

/** Public: the contact's token in the path is the credential. */
@ApiTags('forms')
@Public()
@UseGuards(FormTokenGuard)
@Controller('forms')
export class OpenFormController {
  constructor(private readonly commandBus: CommandBus) {}

  @Get(':token')
  @ApiParam(TOKEN_PARAM)
  @ApiOkResponse({ type: FormLinkView })
  @ApiNotFoundResponse(LINK_NOT_FOUND)
  @ApiGoneResponse(LINK_GONE)
  open(@Req() request: FormLinkRequest, @Ctx() context: CommandContext): Promise<FormLinkView> {
    return this.commandBus.execute(new OpenFormCommand(request.formLink!, context));
  }
}
