export { DEFAULT_AS_OF, countHouseholds, generatePopulation } from './population.js';
export type { HouseholdRecord, PersonRecord, PopulationOptions, RelationToHead } from './population.js';
