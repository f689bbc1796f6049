import { Module } from '@nestjs/common';
import { PersonModule } from '../person/person.module.js';
import { CitizenResolver } from './citizen.resolver.js';

@Module({ imports: [PersonModule], providers: [CitizenResolver] })
export class CitizenModule {}
