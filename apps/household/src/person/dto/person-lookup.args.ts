import { ArgsType } from '@nestjs/graphql';
import { CitizenLookupArgs } from '@onewindow/platform';

/** A person on the register by ID number, with the stated purpose (audited). */
@ArgsType()
export class PersonLookupArgs extends CitizenLookupArgs {}
