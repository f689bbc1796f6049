// Streams 1,000,000 synthetic persons and prints the rate. Build first:
//   npx tsc -p tsconfig.build.json && node bench/generate.mjs [persons] [seed]
import { generatePopulation } from '../dist/index.js';

const persons = Number(process.argv[2] ?? 1_000_000);
const seed = Number(process.argv[3] ?? 1);
const unitCodes = ['510107001', '510107002', '510107003', '510107004', '510104001', '510105001'];

const heapBefore = process.memoryUsage().heapUsed;
let peakHeap = heapBefore;
let households = 0;
let generated = 0;
const started = process.hrtime.bigint();
for (const household of generatePopulation({ seed, persons, unitCodes })) {
  households++;
  generated += household.members.length;
  if ((households & 0xffff) === 0) peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);
}
const seconds = Number(process.hrtime.bigint() - started) / 1e9;
peakHeap = Math.max(peakHeap, process.memoryUsage().heapUsed);

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);
console.log(
  `${generated.toLocaleString('en')} persons in ${households.toLocaleString('en')} households: ` +
    `${seconds.toFixed(2)} s, ${Math.round(generated / seconds).toLocaleString('en')} persons/s, ` +
    `heap ${mb(heapBefore)} MB before, peak ${mb(peakHeap)} MB`,
);
