import { getMetadataStorage } from 'class-validator';

type Storage = ReturnType<typeof getMetadataStorage>;
type TargetMetadatas = ReturnType<Storage['getTargetValidationMetadatas']>;
type Grouped = ReturnType<Storage['groupByPropertyName']>;

const installed = new WeakSet<object>();

/**
 * class-validator looks a class's constraints up again on every `validate()` — for the object and
 * each nested one — by walking the metadata of every decorated class in the process (to find
 * inherited constraints) and filtering it, then grouping the result by property: measured at 2–3%
 * of a service's CPU on the acceptance path (docs/performance.md). The answer only changes when
 * a decorator registers new metadata, so it is cached per (class, schema, options) and the cache
 * is dropped whenever metadata is added (a module imported late, a schema registered). Validation
 * itself still runs on every message and input, with the same constraints and errors.
 */
export function cacheValidationMetadata(storage: Storage = getMetadataStorage()): void {
  if (installed.has(storage)) return;
  installed.add(storage);
  let targets = new Map<unknown, Map<string, TargetMetadatas>>();
  let grouped = new WeakMap<TargetMetadatas, Grouped>();
  const forget = () => {
    targets = new Map();
    grouped = new WeakMap();
  };
  const lookUp = storage.getTargetValidationMetadatas.bind(storage);
  const group = storage.groupByPropertyName.bind(storage);
  const addValidation = storage.addValidationMetadata.bind(storage);
  const addConstraint = storage.addConstraintMetadata.bind(storage);

  storage.addValidationMetadata = (metadata) => {
    forget();
    addValidation(metadata);
  };
  storage.addConstraintMetadata = (metadata) => {
    forget();
    addConstraint(metadata);
  };
  storage.getTargetValidationMetadatas = (targetConstructor, targetSchema, always, strictGroups, groups) => {
    const key = `${targetSchema}\u0000${always}\u0000${strictGroups}\u0000${groups?.join('\u0001') ?? ''}`;
    let perClass = targets.get(targetConstructor);
    if (!perClass) targets.set(targetConstructor, (perClass = new Map()));
    let found = perClass.get(key);
    if (!found) perClass.set(key, (found = lookUp(targetConstructor, targetSchema, always, strictGroups, groups)));
    return found;
  };
  storage.groupByPropertyName = (metadata) => {
    let found = grouped.get(metadata);
    if (!found) grouped.set(metadata, (found = group(metadata)));
    return found;
  };
}
