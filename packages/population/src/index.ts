export { DEFAULT_AS_OF, countHouseholds, generatePopulation } from './population.js';
export type { HouseholdRecord, PersonRecord, PopulationOptions, RelationToHead } from './population.js';
export { DEMO_HOUSEHOLDS, DEMO_ID_CARDS, DEMO_PERSON_IDS, DEMO_PERSONS, DEMO_UNITS } from './demo-persons.js';
export type { DemoHousehold, DemoIdCard, DemoPerson } from './demo-persons.js';
