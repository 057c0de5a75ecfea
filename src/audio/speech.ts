/** Spoken announcements through Web Speech; silent where the browser has no voice (the screen shows the words). */

/** Creates the speech service. */
export function createSpeech() {
  const synth = typeof speechSynthesis === 'undefined' ? null : speechSynthesis;
  return {
    speak(text: string): void {
      if (!synth) return;
      synth.cancel();
      const u = new SpeechSynthesisUtterance(text);
      u.rate = 1.1;
      synth.speak(u);
    },
    cancel(): void {
      synth?.cancel();
    },
  };
}
