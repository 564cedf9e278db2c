// A peer of bench/quality.sh: sharp's mozjpeg preset (`mozjpeg: true`: trellis quantisation, deringing, the scan
// search and mozjpeg's table 3) at one quality, on one image, metadata stripped as sharp does by default.
// Usage: node sharp-encode.js INPUT OUTPUT QUALITY
const sharp = require('sharp');
const [input, output, quality] = process.argv.slice(2);
sharp(input).jpeg({ quality: +quality, mozjpeg: true }).toFile(output)
  .catch((e) => { console.error(e.message); process.exit(1); });
