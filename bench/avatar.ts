/**
 * Avatar resize benchmark: time (median of N runs) and peak RSS of the product's processing
 * (`renderAvatar`: header checks, rotate, flatten, resize, sRGB, JPEG) against the floor, a bare
 * `sharp(buf).resize(200, 200, { fit: 'inside' }).jpeg()`, on a 12-megapixel JPEG and a large PNG.
 *
 *   npm run bench:avatar            # BENCH_RUNS=15 by default
 *
 * Each (input, pipeline) pair runs in a fresh Node process, so that its peak RSS is its own.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import sharp, { type Sharp } from 'sharp';
import { renderAvatar } from '../shared/avatars/avatar-image.js';

const RUNS = Number(process.env.BENCH_RUNS ?? 15);

const pipelines = {
  product: (input: Buffer) => renderAvatar(input),
  floor: (input: Buffer) => sharp(input).resize(200, 200, { fit: 'inside' }).jpeg().toBuffer(),
};
type PipelineName = keyof typeof pipelines;

interface Measurement {
  /** RSS with Node, sharp and the input loaded, before any processing. */
  startRssMb: number;
  medianMs: number;
  minMs: number;
  peakRssMb: number;
}

/** A smooth gradient with grain: compresses like a photo, unlike flat colour or pure noise. */
function photoLike(width: number, height: number, channels: 3 | 4, grainBits: number): Sharp {
  const pixels = Buffer.alloc(width * height * channels);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const offset = (y * width + x) * channels;
      const grain = (Math.imul(offset + 1, 2654435761) >>> (32 - grainBits)) - (1 << (grainBits - 1));
      pixels[offset] = ((x * 255) / width + grain) & 0xff;
      pixels[offset + 1] = ((y * 255) / height + grain) & 0xff;
      pixels[offset + 2] = (((x + y) * 127) / (width + height) + 64 + grain) & 0xff;
      if (channels === 4) pixels[offset + 3] = x < width / 8 ? 0 : 255;
    }
  }
  return sharp(pixels, { raw: { width, height, channels } });
}

const inputs = {
  'JPEG 4000x3000 (12 MP)': () => photoLike(4000, 3000, 3, 5).jpeg({ quality: 90 }).toBuffer(),
  // Under the 10 MiB upload limit, as every real input is.
  'PNG 4000x3000 RGBA': () => photoLike(4000, 3000, 4, 2).png().toBuffer(),
};

const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
};

/** Child mode: time one pipeline on one input file and print the measurement as JSON. */
async function measure(file: string, pipeline: PipelineName): Promise<void> {
  const input = readFileSync(file);
  const startRssMb = process.memoryUsage().rss / 2 ** 20;
  await pipelines[pipeline](input); // warm-up: loads libvips and its codecs
  const times: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const start = performance.now();
    await pipelines[pipeline](input);
    times.push(performance.now() - start);
  }
  const measurement: Measurement = {
    startRssMb,
    medianMs: median(times),
    minMs: Math.min(...times),
    peakRssMb: process.resourceUsage().maxRSS / 1024,
  };
  process.stdout.write(JSON.stringify(measurement));
}

function runChild(file: string, pipeline: PipelineName): Measurement {
  const child = spawnSync(process.execPath, [...process.execArgv, fileURLToPath(import.meta.url), file, pipeline], {
    encoding: 'utf8',
    env: { ...process.env, AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true' },
  });
  if (child.status !== 0) throw new Error(`benchmark child failed:\n${child.stderr}`);
  return JSON.parse(child.stdout) as Measurement;
}

async function main(): Promise<void> {
  const directory = mkdtempSync(path.join(tmpdir(), 'avatar-bench-'));
  try {
    console.log(`Node ${process.version}, sharp ${sharp.versions.sharp} (libvips ${sharp.versions.vips}), ` +
      `${cpus().length} CPUs (${cpus()[0]?.model.trim()}), ${Math.round(totalmem() / 2 ** 30)} GB RAM, ${RUNS} runs each\n`);
    console.log('| input | size | pipeline | median ms | min ms | RSS before MB | peak RSS MB |');
    console.log('|---|---:|---|---:|---:|---:|---:|');
    for (const [name, make] of Object.entries(inputs)) {
      const input = await make();
      const file = path.join(directory, `${name.replace(/\W+/g, '-')}.bin`);
      writeFileSync(file, input);
      for (const pipeline of Object.keys(pipelines) as PipelineName[]) {
        const { startRssMb, medianMs, minMs, peakRssMb } = runChild(file, pipeline);
        const size = `${(input.length / 2 ** 20).toFixed(1)} MB`;
        const cells = [name, size, pipeline, medianMs.toFixed(1), minMs.toFixed(1), startRssMb.toFixed(0), peakRssMb.toFixed(0)];
        console.log(`| ${cells.join(' | ')} |`);
      }
    }
  } finally {
    rmSync(directory, { recursive: true, force: true });
  }
}

const [file, pipeline] = process.argv.slice(2);
if (file && pipeline) await measure(file, pipeline as PipelineName);
else await main();
