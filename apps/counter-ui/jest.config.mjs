import { preset } from '../../jest.preset.mjs';
// Browser tests start the whole stack (six services + gateway) and drive Debian's Chromium.
export default preset({ testMatch: ['<rootDir>/test/**/*.test.ts'], testTimeout: 300000 });
