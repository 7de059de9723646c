import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import { CurrentPrincipal, QueryController, type Principal } from '@dossiers/platform';
import { ListFormTemplatesQuery } from './list-form-templates.query';
import { FormTemplateList } from '../../../responses/template.responses';

@ApiTags('templates')
@QueryController()
@Controller('form-templates')
export class ListFormTemplatesController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @ApiOkResponse({ type: FormTemplateList })
  list(@CurrentPrincipal() principal: Principal) {
    return this.queryBus.execute(new ListFormTemplatesQuery(principal));
  }
}
