#!/usr/bin/env node
// Before the browser tests: make sure a Chromium (Debian's `chromium` package, driven by
// playwright-core) and a CJK font (fonts-noto-cjk, so Chinese does not render as boxes) are
// installed. `npx playwright install` cannot download browsers on these machines, so we use the
// distribution's packages. CHROMIUM_PATH points at another browser binary if you have one.
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { which } from './lib.mjs';

const browser = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;

function hasCjkFont() {
  if (!which('fc-list')) return false;
  const r = spawnSync('fc-list', [':lang=zh', 'family'], { encoding: 'utf8' });
  return r.status === 0 && r.stdout.trim().length > 0;
}

function aptInstall(packages) {
  if (!which('apt-get')) return false;
  const sudo = isRoot ? [] : which('sudo') ? ['sudo', '-n'] : null;
  if (!sudo) return false;
  const cmd = (args) => spawnSync(sudo[0] ?? 'apt-get', sudo.length ? [...sudo.slice(1), 'apt-get', ...args] : args, { stdio: 'inherit', env });
  console.log(`• installing ${packages.join(' ')} with apt-get`);
  if (cmd(['install', '-y', '--no-install-recommends', ...packages]).status === 0) return true;
  // A fresh machine may have no package lists yet.
  if (cmd(['update']).status !== 0) return false;
  return cmd(['install', '-y', '--no-install-recommends', ...packages]).status === 0;
}

const missing = [];
if (!existsSync(browser)) {
  if (process.env.CHROMIUM_PATH) {
    console.error(`✖ CHROMIUM_PATH=${browser} does not exist.`);
    process.exit(1);
  }
  missing.push('chromium');
}
if (!hasCjkFont()) missing.push('fonts-noto-cjk');

if (missing.length > 0) {
  const ok = aptInstall(missing);
  if (!ok || !existsSync(browser)) {
    console.error(
      [
        `✖ The browser tests need ${missing.join(' and ')}, and they could not be installed automatically.`,
        `  On Debian/Ubuntu run (as root): apt-get update && apt-get install -y ${missing.join(' ')}`,
        '  Or set CHROMIUM_PATH to an installed Chromium/Chrome binary.',
      ].join('\n'),
    );
    process.exit(1);
  }
  if (!hasCjkFont()) console.warn('⚠ no CJK font found after installing fonts-noto-cjk: Chinese text in screenshots may render as boxes.');
}
const version = spawnSync(browser, ['--version'], { encoding: 'utf8' });
console.log(`✔ browser: ${version.stdout?.trim() || browser}`);
