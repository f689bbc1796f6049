import { ArgsType } from '@nestjs/graphql';
import { CitizenLookupArgs } from '@onewindow/platform';

/** A holder's residence permits by ID number, with the stated purpose (audited). */
@ArgsType()
export class ResidencePermitsArgs extends CitizenLookupArgs {}
