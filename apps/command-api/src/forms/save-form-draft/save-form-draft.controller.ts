import { Body, Controller, HttpCode, Put, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiOkResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, ErrorBodySchema, Public } from '@dossiers/platform';
import { FormTokenGuard, type FormLinkRequest } from '../form-token.guard';
import { FormLinkResult } from '../form-link.responses';
import { LINK_GONE, LINK_NOT_FOUND, TOKEN_PARAM } from '../open-form/open-form.controller';
import { FormAnswersDto } from './save-form-draft.dto';
import { SaveFormDraftCommand } from './save-form-draft.command';

@ApiTags('forms')
@Public()
@UseGuards(FormTokenGuard)
@Controller('forms')
export class SaveFormDraftController {
  constructor(private readonly commandBus: CommandBus) {}

  @Put(':token/draft')
  @HttpCode(200)
  @ApiParam(TOKEN_PARAM)
  @ApiOkResponse({ type: FormLinkResult })
  @ApiBadRequestResponse({
    type: ErrorBodySchema,
    description: 'VALIDATION: each invalid answer, as answers.<question key>',
  })
  @ApiNotFoundResponse(LINK_NOT_FOUND)
  @ApiGoneResponse(LINK_GONE)
  save(
    @Body() dto: FormAnswersDto,
    @Req() request: FormLinkRequest,
    @Ctx() context: CommandContext,
  ): Promise<FormLinkResult> {
    return this.commandBus.execute(new SaveFormDraftCommand(request.formLink!, dto.answers, context));
  }
}
