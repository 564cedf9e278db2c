// The peer's side of bench/run.sh: sharp on the same image and the same job as PipelineBench
// (cover-resize to WIDTHxHEIGHT, centre crop, progressive JPEG at QUALITY with optimised Huffman tables,
// metadata stripped), CONCURRENCY at a time, several timed rounds after a warm-up.
// Usage: node sharp-bench.js IMAGE WIDTH HEIGHT QUALITY CONCURRENCY IMAGES_PER_ROUND ROUNDS [mozjpeg]
// (`mozjpeg`: sharp's mozjpeg preset: trellis quantisation, deringing, scan search and mozjpeg's table 3, the
// encoder settings our engine uses on a libvips with mozjpeg, which make the very bytes ours makes)
// ROUNDS 0 runs rounds on demand, as PipelineBench does: `ready` after the warm-up, one round per line read from
// stdin with its `images_per_second=` and `cpu_ms_per_image=` (this process's CPU time over the round, all threads,
// per image), and the summary line at the end of input.
const fs = require('fs');
const sharp = require('sharp');
const [image, width, height, quality, concurrency, perRound, rounds, preset] = process.argv.slice(2);
const encoder = preset === 'mozjpeg' ? { mozjpeg: true } : {};
const input = fs.readFileSync(image);
sharp.cache(false);

const once = () => sharp(input, { failOn: 'truncated' })
  .rotate()
  .resize(+width, +height, { fit: 'cover', position: 'centre' })
  .jpeg({ quality: +quality, progressive: true, optimiseCoding: true, ...encoder })
  .toBuffer();

async function run(images) {
  let next = 0;
  const worker = async () => { while (next++ < images) await once(); };
  await Promise.all(Array.from({ length: +concurrency }, worker));
}

function peakRssMb() {
  const line = fs.readFileSync('/proc/self/status', 'utf8').split('\n').find(l => l.startsWith('VmHWM:'));
  return Math.round(parseInt(line.replace(/\D/g, ''), 10) / 1024);
}

(async () => {
  const bytes = (await once()).length;
  await run(Math.max(4, Math.floor(+perRound / 2)));
  const rates = [];
  const cpus = [];
  const round = async () => {
    const start = process.hrtime.bigint();
    const cpu = process.cpuUsage();
    await run(+perRound);
    const used = process.cpuUsage(cpu);
    cpus.push((used.user + used.system) / 1000 / +perRound);
    rates.push(+perRound / (Number(process.hrtime.bigint() - start) / 1e9));
  };
  if (+rounds === 0) {
    console.log('ready');
    for await (const _ of require('readline').createInterface({ input: process.stdin })) {
      await round();
      console.log(`images_per_second=${rates[rates.length - 1].toFixed(2)} cpu_ms_per_image=${cpus[cpus.length - 1].toFixed(1)}`);
    }
  } else {
    while (rates.length < +rounds) await round();
  }
  rates.sort((a, b) => a - b);
  const median = rates.length ? rates[Math.floor(rates.length / 2)] : 0;
  console.log(`images_per_second=${median.toFixed(2)} peak_rss_mb=${peakRssMb()} bytes=${bytes}`);
})();
