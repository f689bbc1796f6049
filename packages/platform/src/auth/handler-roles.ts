import 'reflect-metadata';
import type { DynamicModule, Type } from '@nestjs/common';
import { PUBLIC_KEY, ROLES_KEY } from './decorators.js';

// Nest's metadata keys (@nestjs/common MODULE_METADATA, @nestjs/microservices PATTERN_METADATA).
const IMPORTS = 'imports';
const CONTROLLERS = 'controllers';
const PATTERN = 'microservices:pattern';

export interface NatsHandlerRoles {
  /** `Controller.method` */
  handler: string;
  patterns: unknown[];
  /** The roles declared with @Roles, `'public'` for @Public, undefined when neither is declared. */
  roles: string[] | 'public' | undefined;
}

type ModuleRef = Type<unknown> | DynamicModule | { forwardRef: () => ModuleRef } | Promise<DynamicModule> | undefined;

/**
 * Every @MessagePattern / @EventPattern handler reachable from a root module, with the roles it
 * declares (issue 12: every NATS handler has explicit roles). Walks the module graph from its
 * metadata only: nothing is instantiated, connected or started.
 */
export function natsHandlerRoles(root: Type<unknown> | DynamicModule): NatsHandlerRoles[] {
  const seenModules = new Set<unknown>();
  const controllers = new Set<Type<unknown>>();
  const visit = (ref: ModuleRef): void => {
    if (!ref || ref instanceof Promise || seenModules.has(ref)) return;
    seenModules.add(ref);
    if ('forwardRef' in ref) return visit(ref.forwardRef());
    const cls = ('module' in ref ? ref.module : ref) as Type<unknown>;
    const dyn = 'module' in ref ? ref : undefined;
    for (const c of [...((Reflect.getMetadata(CONTROLLERS, cls) as Type<unknown>[] | undefined) ?? []), ...(dyn?.controllers ?? [])]) controllers.add(c);
    for (const m of [...((Reflect.getMetadata(IMPORTS, cls) as ModuleRef[] | undefined) ?? []), ...((dyn?.imports as ModuleRef[] | undefined) ?? [])]) visit(m);
  };
  visit(root);
  const found: NatsHandlerRoles[] = [];
  for (const c of controllers) {
    const proto = c.prototype as Record<string, unknown>;
    for (const key of Object.getOwnPropertyNames(proto)) {
      const fn = proto[key];
      if (key === 'constructor' || typeof fn !== 'function') continue;
      const patterns = Reflect.getMetadata(PATTERN, fn) as unknown[] | undefined;
      if (!patterns) continue;
      const isPublic = (Reflect.getMetadata(PUBLIC_KEY, fn) ?? Reflect.getMetadata(PUBLIC_KEY, c)) === true;
      const roles = (Reflect.getMetadata(ROLES_KEY, fn) ?? Reflect.getMetadata(ROLES_KEY, c)) as string[] | undefined;
      found.push({ handler: `${c.name}.${key}`, patterns, roles: isPublic ? 'public' : roles });
    }
  }
  return found;
}
