import { Args, Query, Resolver } from '@nestjs/graphql';
import { Role, type Identity } from '@onewindow/contracts';
import { BusinessClock, CurrentIdentity, Roles } from '@onewindow/platform';
import { toTravelDocument } from '../citizen/citizen.mapper.js';
import { TravelDocument } from '../citizen/citizen.model.js';
import { DocumentQueryService } from './document-query.service.js';
import { TravelDocumentLookupArgs } from './dto/travel-document-lookup.args.js';

/** The audited lookup of one document by its number (the citizen section lists a person's documents). */
@Resolver(() => TravelDocument)
export class TravelDocumentResolver {
  constructor(private readonly documents: DocumentQueryService, private readonly clock: BusinessClock) {}

  @Roles(Role.CLERK, Role.OFFICER, Role.SUPERVISOR)
  @Query(() => TravelDocument, { description: '按证件号码查询本市签发的出入境证件（须说明事由，留痕审计；窗口人员看到脱敏号码）' })
  async travelDocument(@Args() args: TravelDocumentLookupArgs, @CurrentIdentity() actor: Identity): Promise<TravelDocument> {
    return toTravelDocument(await this.documents.getByNumber(actor, args.number, args.purpose), actor, this.clock.today());
  }
}
