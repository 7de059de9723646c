import { Body, Controller, Post, Req, UseGuards } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import {
  ApiBadRequestResponse,
  ApiCreatedResponse,
  ApiGoneResponse,
  ApiNotFoundResponse,
  ApiParam,
  ApiTags,
} from '@nestjs/swagger';
import type { CommandContext } from '@dossiers/application';
import { Ctx, ErrorBodySchema, Public } from '@dossiers/platform';
import { FormTokenGuard, type FormLinkRequest } from '../form-token.guard';
import { FormLinkResult } from '../form-link.responses';
import { LINK_GONE, LINK_NOT_FOUND, TOKEN_PARAM } from '../open-form/open-form.controller';
import { FormAnswersDto } from '../save-form-draft/save-form-draft.dto';
import { AnswerFormCommand } from './answer-form.command';

@ApiTags('forms')
@Public()
@UseGuards(FormTokenGuard)
@Controller('forms')
export class AnswerFormController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post(':token/answers')
  @ApiParam(TOKEN_PARAM)
  @ApiCreatedResponse({
    type: FormLinkResult,
    description: "fileId: the report filed in the template's folder",
  })
  @ApiBadRequestResponse({
    type: ErrorBodySchema,
    description: 'VALIDATION: each invalid or missing required answer, as answers.<question key>',
  })
  @ApiNotFoundResponse(LINK_NOT_FOUND)
  @ApiGoneResponse(LINK_GONE)
  answer(
    @Body() dto: FormAnswersDto,
    @Req() request: FormLinkRequest,
    @Ctx() context: CommandContext,
  ): Promise<FormLinkResult> {
    return this.commandBus.execute(new AnswerFormCommand(request.formLink!, dto.answers, context));
  }
}
