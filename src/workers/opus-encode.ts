/**
 * Opus export: the browser's own Opus encoder (WebCodecs `AudioEncoder`) in an Ogg file (`.opus`), both through
 * mediabunny (MPL-2.0), which feeds the encoder, muxes the packets and writes the Ogg pages as it goes. Ogg Opus
 * records the encoder's lead-in (pre-skip) in its header and decoders drop it, so the decoded file starts on the
 * first pushed frame: `encoderDelayFrames` is 0. Chapters go in the Vorbis comments as `CHAPTERnnn`/`CHAPTERnnnNAME`
 * (the convention players that read Ogg chapters follow). Where WebCodecs has no Opus encoder, the session is
 * refused with a message that says so.
 */
import { AudioSample, AudioSampleSource, Output, OggOutputFormat, StreamTarget, canEncodeAudio, type StreamTargetChunk } from 'mediabunny';
import type { EncodeOptions, EncoderSession } from './audio-encode';

/** The bitrate of an Opus export: music in stereo, near transparent. */
export const OPUS_KBPS = 160;

/** Returns `ms` as the chapter comments write it: HH:MM:SS.mmm. */
export function chapterTime(ms: number): string {
  const total = Math.max(0, Math.round(ms));
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return `${pad(Math.floor(total / 3_600_000))}:${pad(Math.floor(total / 60_000) % 60)}:${pad(Math.floor(total / 1000) % 60)}.${pad(total % 1000, 3)}`;
}

/** Returns the Vorbis comments of `tag`'s chapters. */
export function chapterComments(chapters: readonly { title: string; startMs: number }[]): Record<string, string> {
  const out: Record<string, string> = {};
  chapters.forEach((c, i) => {
    const key = `CHAPTER${String(i + 1).padStart(3, '0')}`;
    out[key] = chapterTime(c.startMs);
    out[`${key}NAME`] = c.title;
  });
  return out;
}

/** Opens an Opus session; rejects with a message naming the problem where this browser cannot encode it. */
export async function opusSession({ sampleRate, channels, tag }: EncodeOptions): Promise<EncoderSession> {
  const supported = typeof AudioEncoder !== 'undefined' && (await canEncodeAudio('opus', { numberOfChannels: channels, sampleRate, bitrate: OPUS_KBPS * 1000 }));
  if (!supported) throw new Error(`Opus export: this browser has no Opus encoder for ${channels} channels at ${sampleRate} Hz (WebCodecs)`);
  let written = 0;
  let bytes: Uint8Array[] = [];
  const writable = new WritableStream<StreamTargetChunk>({
    write(chunk) {
      // The Ogg muxer writes its pages in order: a file written as it comes needs nothing else.
      if (chunk.position !== written) throw new Error(`Opus export: the muxer wrote at ${chunk.position}, not at the end (${written})`);
      written += chunk.data.length;
      bytes.push(chunk.data);
    },
  });
  const output = new Output({ format: new OggOutputFormat(), target: new StreamTarget(writable) });
  const source = new AudioSampleSource({ codec: 'opus', bitrate: OPUS_KBPS * 1000 });
  output.addAudioTrack(source);
  if (tag) output.setMetadataTags({ title: tag.title, artist: tag.artist, raw: chapterComments(tag.chapters) });
  await output.start();
  let pushed = 0;
  const take = (): Uint8Array[] => {
    const out = bytes;
    bytes = [];
    return out;
  };
  return {
    mimeType: 'audio/ogg',
    encoderDelayFrames: 0,
    async push(chunk) {
      const frames = chunk[0]?.length ?? 0;
      if (chunk.length !== channels || chunk.some((c) => c.length !== frames)) throw new Error(`Export encoder: a chunk of ${chunk.length} channels, expected ${channels}`);
      // A second at a time: the encoder's copies of a piece (a minute is 21 MB in stereo) never pile up.
      const step = sampleRate;
      for (let at = 0; at < frames; at += step) {
        const n = Math.min(step, frames - at);
        const planar = new Float32Array(n * channels);
        chunk.forEach((c, i) => planar.set(c.subarray(at, at + n), i * n));
        const sample = new AudioSample({ data: planar, format: 'f32-planar', numberOfChannels: channels, sampleRate, timestamp: pushed / sampleRate });
        pushed += n;
        await source.add(sample);
        sample.close();
      }
      return take();
    },
    async end() {
      await output.finalize();
      return take();
    },
  };
}
