/** Types for the untyped `music-tempo` package (reference detector in the benchmark only). */
declare module 'music-tempo' {
  /** Beatroot tempo induction and beat tracking over mono 44.1 kHz PCM. */
  export default class MusicTempo {
    constructor(audioData: Float32Array | number[], params?: Record<string, number>);
    /** Tempo in BPM (a string with decimals in some versions). */
    tempo: string | number;
    /** Beat times in seconds. */
    beats: number[];
  }
}
