// Browser tests drive the system Chromium; say how to get one when it is missing.
import { existsSync } from 'node:fs';

const path = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
if (!existsSync(path)) {
  console.error(`Montage's browser tests need Chromium at ${path} (or set CHROMIUM_PATH).
  Debian/Ubuntu: sudo apt-get install -y chromium
  macOS:         brew install --cask chromium, then
                 export CHROMIUM_PATH="/Applications/Chromium.app/Contents/MacOS/Chromium"`);
  process.exit(1);
}
