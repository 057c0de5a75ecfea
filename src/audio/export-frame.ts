/**
 * The script of an export frame (export-realm.ts): it runs in the frame's own realm, with its own Tone.js and
 * engine, and hands that realm's piece renderer to the page that made the frame.
 */
import { renderPiece, type PieceRealm } from './export-piece';

const host = globalThis as typeof globalThis & { montageFrameReady?: (realm: Omit<PieceRealm, 'close'>) => void };
host.montageFrameReady?.({ newBuffer: (init) => new AudioBuffer(init), renderPiece });
