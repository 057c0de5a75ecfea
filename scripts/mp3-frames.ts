/** The MP3 frame walker moved to src/workers (the browser decodes MP3 in runs too); Node scripts keep this path. */
export { id3v2Length, indexFrames, readFrameHeader, type FrameHeader, type FrameIndex } from '../src/workers/mp3-frames';
