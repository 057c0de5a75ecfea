/**
 * Where the workout's sound goes. While a workout plays, Tone's master output is sent into a
 * MediaStreamAudioDestination whose stream plays in a media element (the sink): a playing media element is
 * what keeps Web Audio alive on a locked iPhone, and what lock screens and media notifications follow. Where
 * that cannot start (no MediaStream output, the element refused to play) the output stays on the speakers as it
 * was: it is moved, never doubled.
 */
import * as Tone from 'tone';

/** Plays a stream in a media element (the device layer's hidden `<audio>`; main.tsx injects it). */
export interface StreamSink {
  /** Starts playing `stream`; resolves true once it plays, false where it cannot (nothing of it sounds then). */
  play(stream: MediaStream): Promise<boolean>;
  /** Pauses the element (the workout is paused). */
  pause(): void;
  /** Plays the element again after `pause` (from a tap or a lock-screen button). */
  resume(): void;
  /** Stops the element and lets go of the stream. */
  stop(): void;
}

/** Where the output goes now: straight to the speakers, or through the media element. */
export type OutputStatus = 'direct' | 'stream';

/** Creates the route of `context`'s master output; it starts on the speakers. */
export function createOutputRoute(context: Tone.BaseContext, sink: StreamSink | null) {
  const raw = context.rawContext as AudioContext;
  const master = context.destination.output;
  let node: MediaStreamAudioDestinationNode | null = null;
  let status: OutputStatus = 'direct';
  let generation = 0;
  const toSpeakers = () => {
    if (status !== 'stream' || !node) return;
    Tone.connect(master, raw.destination);
    Tone.disconnect(master, node);
    status = 'direct';
  };
  return {
    /** Sends the output through the sink (call it in the user's gesture); resolves with where it goes. */
    async start(): Promise<OutputStatus> {
      const gen = ++generation;
      if (!sink || status === 'stream' || typeof raw.createMediaStreamDestination !== 'function') return status;
      node ??= raw.createMediaStreamDestination();
      const playing = await sink.play(node.stream);
      if (!playing || gen !== generation) return status;
      // Connected to the stream before leaving the speakers, in one task: no gap and no moment of double sound.
      Tone.connect(master, node);
      Tone.disconnect(master, raw.destination);
      status = 'stream';
      return status;
    },
    /** Pauses the element with the workout (only when the sound goes through it). */
    pause: () => status === 'stream' && sink?.pause(),
    /** Plays the element again with the workout. */
    resume: () => status === 'stream' && sink?.resume(),
    /** Back to the speakers, the element stopped (the workout ended). */
    stop(): void {
      generation += 1;
      toSpeakers();
      sink?.stop();
    },
    status: (): OutputStatus => status,
  };
}

/** The output route of a context. */
export type OutputRoute = ReturnType<typeof createOutputRoute>;
