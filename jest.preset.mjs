// Shared Jest preset: ESM mode (NestJS 12 and Apollo Server 5 are ESM-only), ts-jest in
// transpile-only mode (isolatedModules) for speed; `tsc` in the build task does type checking.
export function preset(overrides = {}) {
  return {
    testEnvironment: 'node',
    extensionsToTreatAsEsm: ['.ts'],
    moduleNameMapper: { '^(\\.{1,2}/.*)\\.js$': '$1' },
    transform: {
      '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: { module: 'esnext', moduleResolution: 'bundler', target: 'ES2022', experimentalDecorators: true, emitDecoratorMetadata: true, useDefineForClassFields: false, esModuleInterop: true, isolatedModules: true } }],
    },
    testMatch: ['<rootDir>/src/**/*.spec.ts', '<rootDir>/test/**/*.test.ts'],
    testTimeout: 60000,
    ...overrides,
  };
}
