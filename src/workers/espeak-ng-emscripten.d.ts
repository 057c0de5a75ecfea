/** The eSpeak NG build ships no types: its default export makes the module voice-synth.ts describes. */
declare module '@echogarden/espeak-ng-emscripten' {
  const factory: import('./voice-synth').EspeakFactory;
  export default factory;
}
